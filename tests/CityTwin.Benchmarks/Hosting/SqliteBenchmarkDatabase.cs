using System.Data.Common;
using System.Globalization;
using CityTwin.Host.Configuration;
using CityTwin.Host.Persistence;
using Microsoft.Data.Sqlite;

namespace CityTwin.Benchmarks.Hosting;

/// <summary>A SQLite file in a temporary directory, with the product's default durability (synchronous NORMAL).</summary>
public sealed class SqliteBenchmarkDatabase : BenchmarkDatabase
{
    private static readonly string[] SynchronousNames = ["OFF", "NORMAL", "FULL", "EXTRA"];
    private readonly string directory;

    private SqliteBenchmarkDatabase(string directory)
    {
        this.directory = directory;
        Endpoint = new StorageEndpoint(new StorageSettings(
            StorageProvider.Sqlite, directory, ConnectionString: null, SqliteSynchronous.Normal, ApplySchemaOnStart: true));
    }

    public override StorageEndpoint Endpoint { get; }

    public static SqliteBenchmarkDatabase Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"citytwin-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return new SqliteBenchmarkDatabase(directory);
    }

    public override async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        // Opened through the endpoint, so the pragmas are those every Orleans connection gets.
        await using var connection = await Endpoint.OpenAsync(cancellationToken);
        var version = await ScalarAsync(connection, "SELECT sqlite_version();", cancellationToken);
        var journalMode = await ScalarAsync(connection, "PRAGMA journal_mode;", cancellationToken);
        var synchronous = await ScalarAsync(connection, "PRAGMA synchronous;", cancellationToken);
        return $"SQLite {version}, {journalMode.ToUpperInvariant()} synchronous={SynchronousNames[int.Parse(synchronous, CultureInfo.InvariantCulture)]}";
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static async Task<string> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture)!;
    }
}
