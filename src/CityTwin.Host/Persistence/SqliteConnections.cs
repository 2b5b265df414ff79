using System.Data.Common;
using CityTwin.Host.Configuration;
using Microsoft.Data.Sqlite;

namespace CityTwin.Host.Persistence;

/// <summary>
/// The SQLite database of the embedded default. Orleans opens connections through
/// <see cref="DataSource"/>, so every connection gets the per-connection pragmas that a connection
/// string cannot carry (WAL itself is a property of the file, set by the migrator).
/// </summary>
public sealed class SqliteConnections
{
    public SqliteConnections(string file, SqliteSynchronous synchronous)
    {
        File = file;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy database until this many seconds have passed.
            DefaultTimeout = 30,
        }.ToString();
        var pragmas = $"PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()}; PRAGMA busy_timeout = 30000;";
        DataSource = new PragmaDataSource(ConnectionString, pragmas);
    }

    public string File { get; }
    public string ConnectionString { get; }
    public DbDataSource DataSource { get; }

    private sealed class PragmaDataSource(string connectionString, string pragmas) : DbDataSource
    {
        public override string ConnectionString => connectionString;

        protected override DbConnection CreateDbConnection() => new PragmaConnection(connectionString, pragmas);
    }

    private sealed class PragmaConnection(string connectionString, string pragmas) : SqliteConnection(connectionString)
    {
        public override void Open()
        {
            base.Open();
            using var command = CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
        }
    }
}
