namespace CityTwin.Testing;

/// <summary>
/// One PostgreSQL server for the whole test run (started on first use, stopped when the process
/// exits); each test class takes a fresh database of its own from it.
/// </summary>
public static class SharedPostgreSql
{
    private static readonly Lazy<Task<PostgreSqlServer>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<PostgreSqlServer> GetAsync() => Server.Value;

    public static async Task<string> CreateDatabaseAsync(string prefix) =>
        await (await GetAsync()).CreateDatabaseAsync(prefix);

    private static async Task<PostgreSqlServer> StartAsync()
    {
        var server = await PostgreSqlServer.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
