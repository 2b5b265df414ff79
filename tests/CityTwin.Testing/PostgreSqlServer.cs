using System.Diagnostics;
using Npgsql;

namespace CityTwin.Testing;

/// <summary>
/// A real PostgreSQL server for one test run: initdb into a temporary directory and pg_ctl on a free
/// loopback port, as the 'postgres' user when the tests run as root (initdb refuses root). Debian keeps
/// the binaries off PATH, under /usr/lib/postgresql/VERSION/bin. Stopped and removed on dispose.
/// </summary>
public sealed class PostgreSqlServer : IAsyncDisposable
{
    private const string Superuser = "citytwin_test";
    private const string FolderPrefix = "citytwin-pg";
    private readonly string binDirectory;
    private readonly string directory;
    private int databaseCounter;

    private PostgreSqlServer(string binDirectory, string directory, int port)
    {
        this.binDirectory = binDirectory;
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(directory, "data");

    /// <summary>Connection string of the server's maintenance database.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = Superuser,
            Database = database,
            MaxPoolSize = 20,
            // Pools are per connection string: a database dropped at the end of a test class must not
            // leave idle connections that block its DROP.
            ConnectionIdleLifetime = 10,
        }.ConnectionString;

    /// <param name="durable">
    /// False (for tests) turns fsync, synchronous_commit and full_page_writes off, trading crash safety
    /// for speed; true keeps PostgreSQL's defaults, so that benchmark figures are what a deployment gets.
    /// </param>
    public static async Task<PostgreSqlServer> StartAsync(int maxConnections = 200, bool durable = false)
    {
        var durability = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        var bin = FindBinDirectory();
        LeftoverSweep.RemoveFoldersOfEndedProcesses(FolderPrefix);
        var directory = Path.Combine(Path.GetTempPath(), LeftoverSweep.NewDirectoryName(FolderPrefix));
        Directory.CreateDirectory(directory);
        var server = new PostgreSqlServer(bin, directory, FreePort.Next());
        try
        {
            if (RunningAsRoot) await RunAsync("chown", ["-R", "postgres:postgres", directory]);
            await server.PgAsync("initdb", ["-D", server.DataDirectory, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--no-sync"]);
            await server.PgAsync("pg_ctl", [
                "-D", server.DataDirectory, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60",
                "-o", $"-p {server.Port} -h 127.0.0.1 -k {directory} -c max_connections={maxConnections}{durability}",
                "start"]);
            server.StopWhenThisProcessEnds();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new, empty database on this server; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Interlocked.Increment(ref databaseCounter)}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 16, 60)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try { await PgAsync("pg_ctl", StopArguments); }
            catch (InvalidOperationException) { /* already gone */ }
        }
        LeftoverSweep.TryDelete(directory);
    }

    /// <summary>
    /// A watcher outside this process stops the server and removes its folder once this process is gone: the
    /// test host ends without running ProcessExit handlers, which left one server running per test run.
    /// </summary>
    private void StopWhenThisProcessEnds()
    {
        var stop = string.Join(' ', PgCommand("pg_ctl", StopArguments).Select(ShellQuoted));
        var script =
            $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 2; done; " +
            $"{stop} >/dev/null 2>&1; rm -rf {ShellQuoted(directory)}";
        // setsid: its own session, so nothing that ends this process's group ends the watcher too.
        using var watcher = Process.Start(StartInfo("setsid", ["sh", "-c", script]))
            ?? throw new InvalidOperationException("could not start the PostgreSQL watcher");
    }

    private string[] StopArguments => ["-D", DataDirectory, "-m", "immediate", "-w", "stop"];

    private static bool RunningAsRoot => Environment.UserName == "root";

    /// <summary>The command line of a server tool: as the 'postgres' user when the tests run as root, which the tools refuse.</summary>
    private string[] PgCommand(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(binDirectory, tool);
        return RunningAsRoot ? ["runuser", "-u", "postgres", "--", path, .. arguments] : [path, .. arguments];
    }

    private Task PgAsync(string tool, IReadOnlyList<string> arguments)
    {
        var command = PgCommand(tool, arguments);
        return RunAsync(command[0], command[1..]);
    }

    private static string ShellQuoted(string word) => $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    private static ProcessStartInfo StartInfo(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        return start;
    }

    private static string FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL's server binaries were not found under /usr/lib/postgresql/*/bin: install Debian's 'postgresql' package (.ci/run does).");
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments)
    {
        using var process = Process.Start(StartInfo(file, arguments)) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}{await stdout}");
    }
}
