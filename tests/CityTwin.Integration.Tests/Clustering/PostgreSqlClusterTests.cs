using CityTwin.Contracts.City;
using CityTwin.Integration.Tests.Hosting;
using CityTwin.Testing;
using Npgsql;

namespace CityTwin.Integration.Tests.Clustering;

/// <summary>Two host processes clustered through PostgreSQL form one grain space and survive losing a silo.</summary>
public sealed class PostgreSqlClusterTests
{
    [Fact]
    public async Task Two_silos_see_each_other_serve_one_grain_space_and_the_survivor_goes_on_after_a_kill()
    {
        using var workingDirectory = new TempDirectory();
        var connectionString = await SharedPostgreSql.CreateDatabaseAsync("cluster");
        var portsA = HostPorts.Free();
        var portsB = HostPorts.Free();
        string[] Cluster(HostPorts ports) =>
        [
            .. ports.Arguments,
            "--Storage:Provider=PostgreSql", $"--Storage:ConnectionString={connectionString}", HostPorts.SharedCredentialKey,
            "--Clustering:Provider=PostgreSql", "--Clustering:AdvertisedAddress=127.0.0.1",
        ];

        await using var siloA = HostProcess.Start(workingDirectory.Path, Cluster(portsA), portsA.Http);
        await siloA.WaitUntilReadyAsync();
        await using var siloB = HostProcess.Start(workingDirectory.Path, Cluster(portsB), portsB.Http);
        await siloB.WaitUntilReadyAsync();
        Assert.Equal(2, await ActiveSilosAsync(connectionString));

        // Clients pinned to one gateway each reach the same activation of the directory.
        int hostingSiloPort;
        await using (var throughA = await CityClient.ConnectToGatewayAsync(portsA.Gateway))
        await using (var throughB = await CityClient.ConnectToGatewayAsync(portsB.Gateway))
        {
            Assert.True((await throughA.Directory.UpsertDistrict(DistrictSamples.Centrum)).Accepted);
            Assert.Equal(DistrictSamples.Centrum, await throughB.Directory.GetDistrict("centrum"));
            Assert.True((await throughB.Directory.UpsertDistrict(DistrictSamples.Tromso)).Accepted);
            Assert.Equal(2, (await throughA.Directory.ListDistricts()).Count);
            var management = throughA.Client.GetGrain<IManagementGrain>(0);
            hostingSiloPort = (await management.GetActivationAddress(throughA.Directory))!.Endpoint.Port;
        }

        // Kill the silo that holds the directory's activation: the other must take it over from storage.
        var (victim, survivor, survivorPorts) = hostingSiloPort == portsA.Silo ? (siloA, siloB, portsB) : (siloB, siloA, portsA);
        await victim.KillAsync();

        await using var survivorClient = await CityClient.ConnectToGatewayAsync(survivorPorts.Gateway);
        IReadOnlyList<District>? districts = null;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (districts is null)
        {
            try
            {
                districts = await survivorClient.Directory.ListDistricts().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                // Until the membership protocol declares the killed silo dead, calls to grains it hosted fail.
                await Task.Delay(500);
            }
        }
        Assert.Equal([DistrictSamples.Centrum, DistrictSamples.Tromso], districts);
        Assert.True((await survivorClient.Directory.UpsertDistrict(DistrictSamples.Numbered(1))).Accepted);
        Assert.False(survivor.HasExited);
    }

    private static async Task<long> ActiveSilosAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM OrleansMembershipTable WHERE Status = 3", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
