using CityTwin.Host.Configuration;
using CityTwin.Host.Persistence;

namespace CityTwin.Host.Cli;

/// <summary>
/// <c>schema apply --connection "Host=...;Database=...;Username=...;Password=..."</c>: prepares a
/// PostgreSQL database for a cluster. Idempotent: it applies only the scripts the database lacks.
/// Without --connection it uses Storage:ConnectionString from configuration.
/// </summary>
public static class SchemaCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args.Length == 0 || args[0] != "apply")
            throw new ConfigurationException("schema", "the only subcommand is 'apply', e.g. schema apply --connection \"Host=127.0.0.1;Database=citytwin;Username=citytwin;Password=...\"");

        var rest = args[1..];
        var connectionString = CommandOptions.Value(rest, "--connection")
            ?? HostConfiguration.Build(rest)["Storage:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ConfigurationException("--connection", "a PostgreSQL connection string is required");

        string description;
        try
        {
            description = StorageEndpoint.DescribePostgreSql(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException("--connection", $"is not a valid PostgreSQL connection string: {e.Message}");
        }

        IReadOnlyList<SchemaScript> applied;
        try
        {
            applied = await SchemaMigrator.ApplyPostgreSqlAsync(connectionString);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new ConfigurationException("--connection", $"cannot apply the schema to {description}: {e.Message}");
        }

        output.WriteLine(applied.Count == 0
            ? $"{description}: schema already current."
            : $"{description}: applied {string.Join(", ", applied.Select(s => s.Name))}.");
        return 0;
    }
}
