using System.Diagnostics;

namespace CityTwin.Testing;

/// <summary>
/// Temporary folders are named after the test process that made them. The test runner may end that
/// process before its exit handlers finish, so each run removes the folders of processes that are gone.
/// </summary>
public static class LeftoverSweep
{
    public static string NewDirectoryName(string prefix) => $"{prefix}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    public static void RemoveFoldersOfEndedProcesses(string prefix)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), prefix + "-*"))
        {
            var parts = Path.GetFileName(folder)[(prefix.Length + 1)..].Split('-');
            if (parts.Length < 2 || !int.TryParse(parts[0], out var pid) || IsAlive(pid)) continue;
            TryDelete(folder);
        }
    }

    public static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
