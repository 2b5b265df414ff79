using CityTwin.Host.Configuration;
using CityTwin.Host.Persistence;

namespace CityTwin.Benchmarks.Hosting;

/// <summary>A fresh, empty database for one benchmark, removed when disposed.</summary>
public abstract class BenchmarkDatabase : IAsyncDisposable
{
    /// <summary>The database as the silo reaches it, built from settings as the product builds it.</summary>
    public abstract StorageEndpoint Endpoint { get; }

    /// <summary>Version and durability settings, read back from the database itself for a figure's note.</summary>
    public abstract Task<string> DescribeAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>A new database with the current schema applied.</summary>
    public static async Task<BenchmarkDatabase> CreateAsync(StorageProvider provider, CancellationToken cancellationToken)
    {
        BenchmarkDatabase database = provider switch
        {
            StorageProvider.Sqlite => SqliteBenchmarkDatabase.Create(),
            StorageProvider.PostgreSql => await PostgreSqlBenchmarkDatabase.StartAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        try
        {
            await database.Endpoint.ApplySchemaAsync(cancellationToken);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }
}
