using System.Data.Common;
using CityTwin.Host.Configuration;
using Npgsql;

namespace CityTwin.Host.Persistence;

/// <summary>
/// The configured database, as the silo and the health checks reach it: one place that knows which
/// provider is in use, how to open it, and how to bring its schema up to date.
/// </summary>
public sealed class StorageEndpoint
{
    public const string SqliteInvariant = "System.Data.SQLite";
    public const string PostgreSqlInvariant = "Npgsql";

    public StorageEndpoint(StorageSettings settings)
    {
        Settings = settings;
        if (settings.Provider == StorageProvider.Sqlite)
            Sqlite = new SqliteConnections(settings.SqliteFile, settings.Synchronous);
    }

    public StorageSettings Settings { get; }

    /// <summary>Set for the SQLite provider only.</summary>
    public SqliteConnections? Sqlite { get; }

    /// <summary>The ADO.NET invariant name Orleans knows this provider by.</summary>
    public string Invariant => Settings.Provider == StorageProvider.Sqlite ? SqliteInvariant : PostgreSqlInvariant;

    public string ConnectionString => Sqlite?.ConnectionString ?? Settings.ConnectionString!;

    /// <summary>What an operator should read in a message about this database.</summary>
    public string Description => Settings.Provider == StorageProvider.Sqlite
        ? $"SQLite file '{Settings.SqliteFile}'"
        : DescribePostgreSql(Settings.ConnectionString!);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (Sqlite is not null)
            return await Sqlite.DataSource.OpenConnectionAsync(cancellationToken);
        var connection = new NpgsqlConnection(Settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Round-trips one query; throws when the database does not answer.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public Task<IReadOnlyList<SchemaScript>> ApplySchemaAsync(CancellationToken cancellationToken) =>
        Sqlite is not null
            ? SchemaMigrator.ApplySqliteAsync(Sqlite.ConnectionString, cancellationToken)
            : SchemaMigrator.ApplyPostgreSqlAsync(Settings.ConnectionString!, cancellationToken);

    public static string DescribePostgreSql(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL at {builder.Host}:{builder.Port} (database '{builder.Database}', user '{builder.Username}')";
    }
}
