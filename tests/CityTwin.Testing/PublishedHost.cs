using System.Diagnostics;

namespace CityTwin.Testing;

/// <summary>
/// The host as `dotnet publish` lays it out, made once per test run from the build the tests were
/// built with (no second compile), in a folder of its own so nothing of the repository is beside it.
/// </summary>
public static class PublishedHost
{
    private const string FolderPrefix = "citytwin-host";
    private static readonly Lazy<string> PublishedFolder = new(Publish, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string DllPath => Path.Combine(PublishedFolder.Value, "CityTwin.Host.dll");

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "CityTwin.sln"))) return dir.FullName;
            throw new InvalidOperationException("CityTwin.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static string Publish()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        LeftoverSweep.RemoveFoldersOfEndedProcesses(FolderPrefix);
        var output = Path.Combine(Path.GetTempPath(), LeftoverSweep.NewDirectoryName(FolderPrefix));
        var project = Path.Combine(RepositoryRoot, "src", "CityTwin.Host", "CityTwin.Host.csproj");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "publish", project, "-c", configuration, "--no-build", "-o", output, "-nologo" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed: {stdout.Result}{stderr.Result}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => LeftoverSweep.TryDelete(output);
        return output;
    }
}
