using CityTwin.Contracts.Assets;
using CityTwin.Testing;

namespace CityTwin.Integration.Tests.Hosting;

/// <summary>An operator sets up a district and imports its inventory into a running host from the command line.</summary>
public sealed class InventoryCommandTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Hosting", "Samples", "city-centre.geojson");

    [Fact]
    public async Task A_district_and_its_inventory_reach_the_running_host_and_a_reimport_changes_nothing()
    {
        using var workingDirectory = new TempDirectory();
        var ports = HostPorts.Free();
        await using var host = HostProcess.Start(workingDirectory.Path, ports.Arguments, ports.Http);
        await host.WaitUntilReadyAsync();
        var gateway = $"--Clustering:GatewayPort={ports.Gateway}";

        var refused = await HostProcess.RunToExitAsync(workingDirectory.Path, ["import", "--file", Sample, gateway]);
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("no district 'centrum'", refused.Output, StringComparison.Ordinal);

        var district = await HostProcess.RunToExitAsync(workingDirectory.Path,
            ["district", "set", "--id", "centrum", "--name", "Centrum", "--time-zone", "Europe/Amsterdam", "--latitude", "52.372", "--longitude", "4.893", gateway]);
        Assert.True(district.ExitCode == 0, district.Output);

        var first = await HostProcess.RunToExitAsync(workingDirectory.Path, ["import", "--file", Sample, gateway]);
        Assert.True(first.ExitCode == 3, first.Output);
        Assert.True(first.Output.Contains("Read 9 rows: 5 assets provisioned, 0 unchanged; 3 road segments stored, 0 unchanged; 1 rows rejected.", StringComparison.Ordinal), first.Output);
        Assert.Contains("feature 8 (bin-broken): binCapacity:", first.Output, StringComparison.Ordinal);

        var again = await HostProcess.RunToExitAsync(workingDirectory.Path, ["import", "--file", Sample, gateway]);
        Assert.Contains("Read 9 rows: 0 assets provisioned, 5 unchanged; 0 road segments stored, 3 unchanged; 1 rows rejected.", again.Output, StringComparison.Ordinal);

        await using var client = await CityClient.ConnectToGatewayAsync(ports.Gateway);
        var bin = await client.Client.GetGrain<IAssetTwinGrain>("bin-rokin-1", "CityTwin.Grains.Bins.BinGrain").GetRecord();
        Assert.Equal("seg-rokin", bin!.Provision.RoadSegmentId);
        var intersection = (IntersectionSpec)(await client.Client.GetGrain<IAssetTwinGrain>("ix-dam", "CityTwin.Grains.Intersections.IntersectionGrain").GetRecord())!.Provision.Spec;
        Assert.Equal(["seg-damrak", "seg-rokin"], intersection.Approaches.Select(a => a.Id));
        Assert.Equal(["seg-damstraat"], intersection.OutgoingSegments.Select(s => s.Id));
    }
}
