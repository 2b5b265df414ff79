using CityTwin.Host.Configuration;
using Microsoft.Data.Sqlite;

namespace CityTwin.Host.Cli;

/// <summary>
/// <c>backup --to FILE</c>: a consistent copy of the embedded SQLite database, taken with SQLite's
/// online backup while the host keeps running and writing. The copy is checked and left as one
/// self-contained file (rollback journal, no -wal beside it). Restore: see the README.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var target = CommandOptions.Value(args, "--to")
            ?? throw new ConfigurationException("--to", "the backup file to write is required, e.g. backup --to citytwin-backup.db");
        target = Path.GetFullPath(target);
        if (File.Exists(target))
            throw new ConfigurationException("--to", $"'{target}' exists already; choose a new file so that no backup is overwritten");

        var settings = SettingsReader.Read(HostConfiguration.Build(args), Environment.CurrentDirectory).Storage;
        if (settings.Provider != StorageProvider.Sqlite)
            throw new ConfigurationException("Storage:Provider", "backup copies the embedded SQLite database; for PostgreSQL use pg_dump (see README)");
        if (!File.Exists(settings.SqliteFile))
            throw new ConfigurationException("Storage:DataDirectory", $"there is no database at '{settings.SqliteFile}'");

        var partial = target + ".partial";
        File.Delete(partial);
        var source = new SqliteConnectionStringBuilder { DataSource = settings.SqliteFile, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 };
        var copy = new SqliteConnectionStringBuilder { DataSource = partial, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        await using (var from = new SqliteConnection(source.ToString()))
        await using (var to = new SqliteConnection(copy.ToString()))
        {
            await from.OpenAsync();
            await to.OpenAsync();
            from.BackupDatabase(to);
            await ExecuteAsync(to, "PRAGMA journal_mode = DELETE;");
            var check = await ExecuteAsync(to, "PRAGMA integrity_check;");
            if (check != "ok")
                throw new IOException($"the backup failed its integrity check: {check}");
        }
        File.Move(partial, target);
        output.WriteLine($"Backed up '{settings.SqliteFile}' to '{target}' ({new FileInfo(target).Length:N0} bytes).");
        return 0;
    }

    private static async Task<string?> ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
