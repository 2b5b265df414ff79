using CityTwin.Contracts.City;
using CityTwin.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CityTwin.Integration.Tests.Hosting;

/// <summary>The published host as an operator runs it: defaults, restarts, both storages.</summary>
public sealed class HostLifecycleTests
{
    [Fact]
    public async Task Starts_with_its_defaults_in_an_empty_directory_and_leaves_our_schema_in_a_sqlite_file()
    {
        using var workingDirectory = new TempDirectory();
        await using var host = HostProcess.Start(workingDirectory.Path, [], httpPort: 5080);
        await host.WaitUntilReadyAsync();

        using var http = new HttpClient { BaseAddress = host.HttpUrl };
        foreach (var probe in new[] { "/health/live", "/health/ready", "/health/startup" })
            Assert.Equal("Healthy", await http.GetStringAsync(probe));
        Assert.Contains("orleans", await http.GetStringAsync("/metrics"), StringComparison.Ordinal);

        var database = workingDirectory.Combine("data", "citytwin.db");
        Assert.True(File.Exists(database), $"no database at {database}");
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal("1,2", await ScalarAsync(connection, "SELECT group_concat(Version, ',') FROM (SELECT Version FROM CityTwinSchemaVersion ORDER BY Version)"));
        Assert.Equal("4", await ScalarAsync(connection, "SELECT count(*) FROM OrleansQuery WHERE QueryKey IN ('WriteToStorageKey','ReadFromStorageKey','ClearStorageKey','DeleteStorageKey')"));
    }

    [Fact]
    public async Task The_city_directory_is_back_after_a_restart_on_sqlite()
    {
        using var workingDirectory = new TempDirectory();
        var ports = HostPorts.Free();
        await WriteThenRestartAndReadAsync(workingDirectory.Path, [.. ports.Arguments], ports.Gateway);
    }

    [Fact]
    public async Task The_city_directory_is_back_after_a_restart_on_postgresql_and_our_schema_is_there()
    {
        using var workingDirectory = new TempDirectory();
        var connectionString = await SharedPostgreSql.CreateDatabaseAsync("restart");
        var ports = HostPorts.Free();
        string[] arguments = [.. ports.Arguments, "--Storage:Provider=PostgreSql", $"--Storage:ConnectionString={connectionString}", HostPorts.SharedCredentialKey];
        await WriteThenRestartAndReadAsync(workingDirectory.Path, arguments, ports.Gateway);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT string_agg(Version::text, ',' ORDER BY Version) FROM CityTwinSchemaVersion", connection);
        Assert.Equal("1,2,3", await command.ExecuteScalarAsync());
        Assert.False(Directory.Exists(Path.Combine(workingDirectory.Path, "data")), "PostgreSQL storage must not create a SQLite data directory");
    }

    private static async Task WriteThenRestartAndReadAsync(string workingDirectory, string[] arguments, int gatewayPort)
    {
        await using (var first = HostProcess.Start(workingDirectory, arguments, HttpPortOf(arguments)))
        {
            await first.WaitUntilReadyAsync();
            await using var client = await CityClient.ConnectToGatewayAsync(gatewayPort);
            Assert.True((await client.Directory.UpsertDistrict(DistrictSamples.Centrum)).Accepted);
            Assert.True((await client.Directory.UpsertDistrict(DistrictSamples.Tromso)).Accepted);
            var rejected = await client.Directory.UpsertDistrict(DistrictSamples.Centrum with { TimeZone = "Mars/Base" });
            Assert.False(rejected.Accepted);
            Assert.Equal("timeZone", Assert.Single(rejected.Errors).Field);
            await first.StopAsync();
            Assert.Equal(0, first.ExitCode);
        }

        await using var second = HostProcess.Start(workingDirectory, arguments, HttpPortOf(arguments));
        await second.WaitUntilReadyAsync();
        await using var reader = await CityClient.ConnectToGatewayAsync(gatewayPort);
        IReadOnlyList<District> districts = await reader.Directory.ListDistricts();
        Assert.Equal([DistrictSamples.Centrum, DistrictSamples.Tromso], districts);
    }

    private static int HttpPortOf(string[] arguments) =>
        new Uri(arguments.Single(a => a.StartsWith("--Http:Url=", StringComparison.Ordinal))["--Http:Url=".Length..]).Port;

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
