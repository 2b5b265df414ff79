namespace CityTwin.Benchmarks.Framework;

/// <summary>Where the repository is, found from the build output so any working directory works.</summary>
public static class RepositoryPaths
{
    public static string DefaultResultsFile =>
        Path.Combine(Root, "tests", "CityTwin.Benchmarks", "results", "latest.json");

    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "CityTwin.sln")))
                    return directory.FullName;
            }
            throw new InvalidOperationException(
                $"no CityTwin.sln above {AppContext.BaseDirectory}: run from a repository build, or pass --results PATH");
        }
    }
}
