using System.Net;
using System.Net.Sockets;
using CityTwin.Testing;

namespace CityTwin.Integration.Tests.Hosting;

/// <summary>
/// A configuration the host cannot use stops start-up with one line that names the setting and says
/// what is wrong, exit code 2, and no stack trace.
/// </summary>
public sealed class BadConfigurationTests
{
    [Fact]
    public Task An_unknown_storage_provider_is_named() =>
        AssertRefusedAsync(["--Storage:Provider=Oracle"], "Storage:Provider", "'Oracle' is not supported; use one of Sqlite, PostgreSql");

    [Fact]
    public Task An_unknown_clustering_provider_is_named() =>
        AssertRefusedAsync(["--Clustering:Provider=Consul"], "Clustering:Provider", "'Consul' is not supported");

    [Fact]
    public Task Postgresql_clustering_over_sqlite_storage_is_refused() =>
        AssertRefusedAsync(["--Clustering:Provider=PostgreSql"], "Clustering:Provider", "needs Storage:Provider PostgreSql");

    [Fact]
    public Task A_missing_postgresql_connection_string_is_named() =>
        AssertRefusedAsync(["--Storage:Provider=PostgreSql"], "Storage:ConnectionString", "is required");

    [Fact]
    public Task A_postgresql_host_without_a_shared_credential_key_is_refused() =>
        AssertRefusedAsync(["--Storage:Provider=PostgreSql", "--Storage:ConnectionString=Host=127.0.0.1;Database=citytwin;Username=citytwin"],
            "Devices:CredentialKey", "is required with PostgreSQL storage");

    [Fact]
    public Task An_unreachable_database_is_named_with_its_address()
    {
        var nobodyListens = FreePort.Next();
        return AssertRefusedAsync(
            ["--Storage:Provider=PostgreSql", $"--Storage:ConnectionString=Host=127.0.0.1;Port={nobodyListens};Database=citytwin;Username=citytwin;Timeout=3", HostPorts.SharedCredentialKey],
            "Storage:ConnectionString", $"cannot reach PostgreSQL at 127.0.0.1:{nobodyListens}");
    }

    [Fact]
    public async Task An_unwritable_data_directory_is_named()
    {
        using var directory = new TempDirectory();
        var aFile = directory.Combine("not-a-directory");
        await File.WriteAllTextAsync(aFile, "");
        await AssertRefusedAsync([$"--Storage:DataDirectory={aFile}/data"], "Storage:DataDirectory", "cannot write to");
    }

    [Fact]
    public async Task An_http_port_in_use_is_named()
    {
        using var occupant = Occupy(out var port);
        await AssertRefusedAsync([$"--Http:Url=http://127.0.0.1:{port}"], "Http:Url", $"port {port} on 127.0.0.1 is already in use");
    }

    [Fact]
    public async Task A_silo_port_in_use_is_named()
    {
        using var occupant = Occupy(out var port);
        await AssertRefusedAsync([$"--Clustering:SiloPort={port}"], "Clustering:SiloPort", "already in use");
    }

    [Fact]
    public Task A_port_that_is_not_a_number_is_named() =>
        AssertRefusedAsync(["--Clustering:GatewayPort=thirty"], "Clustering:GatewayPort", "'thirty' is not a port number");

    private static async Task AssertRefusedAsync(string[] arguments, string setting, string problem)
    {
        using var workingDirectory = new TempDirectory();
        var ports = HostPorts.Free();
        // The test's own settings come first, so the defaults of the other ports do not collide.
        string[] all = [.. ports.Arguments.Where(a => !arguments.Any(b => b.Split('=')[0] == a.Split('=')[0])), .. arguments];
        var (exitCode, output) = await HostProcess.RunToExitAsync(workingDirectory.Path, all);

        Assert.Equal(2, exitCode);
        Assert.Contains($"CityTwin cannot start: {setting}: ", output, StringComparison.Ordinal);
        Assert.Contains(problem, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    private static TcpListener Occupy(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
