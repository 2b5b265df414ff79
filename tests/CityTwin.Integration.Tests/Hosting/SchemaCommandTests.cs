using CityTwin.Testing;
using Npgsql;

namespace CityTwin.Integration.Tests.Hosting;

/// <summary><c>schema apply</c>: the documented way to prepare a cluster's PostgreSQL database.</summary>
public sealed class SchemaCommandTests
{
    [Fact]
    public async Task Applies_the_postgresql_schema_once_and_then_reports_it_current()
    {
        using var workingDirectory = new TempDirectory();
        var connectionString = await SharedPostgreSql.CreateDatabaseAsync("schema");

        var (firstExit, firstOutput) = await HostProcess.RunToExitAsync(workingDirectory.Path, ["schema", "apply", "--connection", connectionString]);
        Assert.Equal(0, firstExit);
        Assert.Contains("applied 0001_orleans_storage, 0002_orleans_reminders, 0003_orleans_clustering", firstOutput, StringComparison.Ordinal);

        var (secondExit, secondOutput) = await HostProcess.RunToExitAsync(workingDirectory.Path, ["schema", "apply", "--connection", connectionString]);
        Assert.Equal(0, secondExit);
        Assert.Contains("schema already current", secondOutput, StringComparison.Ordinal);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM OrleansQuery WHERE QueryKey IN ('WriteToStorageKey','UpsertReminderRowKey','InsertMembershipKey')", connection);
        Assert.Equal(3L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_without_a_stack_trace()
    {
        using var workingDirectory = new TempDirectory();
        var port = FreePort.Next();
        var (exitCode, output) = await HostProcess.RunToExitAsync(
            workingDirectory.Path, ["schema", "apply", "--connection", $"Host=127.0.0.1;Port={port};Database=x;Username=y;Timeout=3"]);
        Assert.Equal(2, exitCode);
        Assert.Contains($"--connection: cannot apply the schema to PostgreSQL at 127.0.0.1:{port}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
