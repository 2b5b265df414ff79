namespace CityTwin.Routing.Tests.CvrpLib;

/// <summary>The CVRPLIB instances in Data/cvrplib and their proven optima (sources in Data/cvrplib/README.md).</summary>
public static class PublishedInstances
{
    public static readonly TheoryData<string, long> WithOptimum = new()
    {
        { "E-n22-k4", 375 },
        { "P-n16-k8", 450 },
        { "A-n32-k5", 784 },
    };

    /// <summary>Long enough for guided local search to reach these sizes' optima here, short enough for a fast suite.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(3);

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "cvrplib", name + ".vrp");
}
