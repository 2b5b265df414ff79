using CityTwin.Host.Configuration;
using CityTwin.Host.Persistence;
using CityTwin.Testing;
using Npgsql;

namespace CityTwin.Benchmarks.Hosting;

/// <summary>
/// A database on a PostgreSQL server of its own, started with PostgreSQL's default durability (fsync
/// and synchronous_commit on) so that figures are those of a real deployment.
/// </summary>
public sealed class PostgreSqlBenchmarkDatabase : BenchmarkDatabase
{
    /// <summary>
    /// Below max_connections, as the product requires of a deployment: with Npgsql's default of 100,
    /// 1,000 concurrent activations exhaust the server's connections.
    /// </summary>
    public const int MaxPoolSize = 40;

    private readonly PostgreSqlServer server;

    private PostgreSqlBenchmarkDatabase(PostgreSqlServer server, string connectionString)
    {
        this.server = server;
        // The data directory is only read for SQLite.
        Endpoint = new StorageEndpoint(new StorageSettings(
            StorageProvider.PostgreSql, Path.GetTempPath(), connectionString, SqliteSynchronous.Normal, ApplySchemaOnStart: true));
    }

    public override StorageEndpoint Endpoint { get; }

    public static async Task<PostgreSqlBenchmarkDatabase> StartAsync()
    {
        var server = await PostgreSqlServer.StartAsync(durable: true);
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("bench"))
            {
                MaxPoolSize = MaxPoolSize,
            }.ConnectionString;
            return new PostgreSqlBenchmarkDatabase(server, connectionString);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public override async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Endpoint.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT split_part(current_setting('server_version'), ' ', 1), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes');";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return $"PostgreSQL {reader.GetString(0)} local, fsync={reader.GetString(1)}, synchronous_commit={reader.GetString(2)}, "
            + $"full_page_writes={reader.GetString(3)}, pool {MaxPoolSize}";
    }

    public override ValueTask DisposeAsync() => server.DisposeAsync();
}
