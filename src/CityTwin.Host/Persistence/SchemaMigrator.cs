using System.Data.Common;
using CityTwin.Host.Configuration;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CityTwin.Host.Persistence;

/// <summary>
/// Brings a database to the current schema by applying, in order, the scripts it has not recorded in
/// CityTwinSchemaVersion. Safe to run again and from several processes at once.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>Key of the PostgreSQL advisory lock that serialises silos migrating one database.</summary>
    private const long PostgreSqlMigrationLock = 0x43697479_5477696EL; // "CityTwin"

    /// <returns>The scripts applied now (empty when the database was current).</returns>
    public static async Task<IReadOnlyList<SchemaScript>> ApplySqliteAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // WAL lets readers go on while a writer commits; it is kept in the file, and cannot be set
        // inside a transaction.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);

        var applied = new List<SchemaScript>();
        foreach (var script in SchemaScripts.For(StorageProvider.Sqlite))
        {
            // Deferred = false: BEGIN IMMEDIATE takes the write lock first, so two processes cannot
            // both decide that a script is missing.
            await using var transaction = connection.BeginTransaction(deferred: false);
            if (await IsAppliedAsync(connection, transaction, script.Version, "sqlite_master", "type = 'table' AND name", cancellationToken))
                continue;
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            applied.Add(script);
        }
        return applied;
    }

    public static async Task<IReadOnlyList<SchemaScript>> ApplyPostgreSqlAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgreSqlMigrationLock});", cancellationToken);

        var applied = new List<SchemaScript>();
        foreach (var script in SchemaScripts.For(StorageProvider.PostgreSql))
        {
            if (await IsAppliedAsync(connection, transaction, script.Version, "information_schema.tables", "table_schema = current_schema() AND table_name", cancellationToken))
                continue;
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            applied.Add(script);
        }
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private static async Task<bool> IsAppliedAsync(
        DbConnection connection, DbTransaction? transaction, int version, string catalog, string nameColumn, CancellationToken cancellationToken)
    {
        await using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = $"SELECT count(*) FROM {catalog} WHERE {nameColumn} = 'citytwinschemaversion' OR {nameColumn} = 'CityTwinSchemaVersion';";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken)) == 0)
            return false;

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT count(*) FROM CityTwinSchemaVersion WHERE Version = {version};";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 120;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
