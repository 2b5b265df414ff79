using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using CityTwin.Client;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Queries;
using CityTwin.Contracts.Telemetry;
using CityTwin.Examples.AnalystScript;
using CityTwin.Host.Cli;
using CityTwin.Host.Hosting;
using CityTwin.Integration.Tests.Hosting;
using CityTwin.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CityTwin.Integration.Tests.Queries;

/// <summary>
/// A real host with the default gateway settings: an external Orleans client may query and nothing more; the
/// analysts' client library and the example script work against it; the host's own CLI still administers it.
/// </summary>
public sealed class GatewayQueryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task External_clients_may_only_query_and_the_analyst_script_prints_the_bins_above_a_level()
    {
        using var directory = new TempDirectory();
        var ports = HostPorts.Free();
        string[] arguments = [.. ports.Arguments.Where(a => !a.StartsWith("--Clustering:GatewayAccess", StringComparison.Ordinal)), $"--Storage:DataDirectory={directory.Combine("data")}"];
        await using var host = await CityTwinHost.CreateAsync(arguments);
        await host.StartAsync();

        // The host's own CLI presents the admin token derived from the key in its data directory.
        var cli = new StringWriter();
        Assert.Equal(0, await DistrictCommand.RunAsync(
            ["set", "--id", "centrum", "--name", "Centrum", "--time-zone", "Europe/Amsterdam", "--latitude", "52.372", "--longitude", "4.893", .. arguments], cli));
        // In-process code (the HTTP API, the demo) is the silo's own client and is not limited either.
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var stamp = 0L;
        foreach (var (id, level) in new[] { ("bin-rokin", 0.92), ("bin-dam", 0.75), ("bin-spui", 0.2) })
        {
            var bin = grains.GetGrain<IBinGrain>(id);
            Assert.True((await bin.Provision(new AssetProvision(id, AssetKind.Bin, "centrum", new GeoPoint(52.37, 4.89), $"dev-{id}", new BinSpec(1100, 0.8, 120, 300)))).Accepted);
            Assert.Equal(ReadingOutcome.Applied, (await bin.Report(new DeviceStamp(DateTimeOffset.UtcNow, 1, ++stamp), new BinTelemetry(FillingLevel: level))).Outcome);
        }

        await using (var outsider = await CityClient.ConnectToGatewayAsync(ports.Gateway))
        {
            var provision = new AssetProvision("bin-rogue", AssetKind.Bin, "centrum", new GeoPoint(52.37, 4.89), "dev-rogue", new BinSpec(1100, 0.8, 120, 300));
            var refused = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => outsider.Client.GetGrain<IBinGrain>("bin-rogue").Provision(provision));
            Assert.Contains("ICityQueryGrain", refused.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => outsider.Directory.RemoveDistrict("centrum"));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => outsider.Client.GetGrain<IBinGrain>("bin-rokin").GetTwin());
            // The same raw client may call the query contract.
            var page = await outsider.Client.GetGrain<ICityQueryGrain>(CityQueries.Key).ListAssets(new(DistrictId: "centrum"));
            Assert.Equal(3, page.Items.Count);
        }
        Assert.Null(await grains.GetGrain<IBinGrain>("bin-rogue").GetRecord());
        Assert.NotNull(await grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).GetDistrict("centrum"));

        await using (var analyst = await CityTwinQueryClient.ConnectAsync(new() { Gateways = [new IPEndPoint(IPAddress.Loopback, ports.Gateway)] }))
        {
            var summary = await analyst.GetDistrictSummaryAsync("centrum");
            Assert.Equal(3, summary!.Assets[AssetKind.Bin]);
            var full = new List<AssetListItem>();
            await foreach (var bin in analyst.ListAllAsync(new(Kind: AssetKind.Bin, DistrictId: "centrum", FillAbove: 0.8)))
                full.Add(bin);
            Assert.Equal("bin-rokin", Assert.Single(full).AssetId);
        }

        var script = new StringWriter();
        Assert.Equal(0, await BinsAboveLevel.RunAsync(["--district", "centrum", "--above", "0.5", "--gateway", $"127.0.0.1:{ports.Gateway}"], script));
        output.WriteLine(script.ToString());
        var lines = script.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("2 bins in centrum filled above 50 %", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("bin-rokin", lines[2], StringComparison.Ordinal);
        Assert.Contains("92 %", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("bin-dam", lines[3], StringComparison.Ordinal);
        Assert.DoesNotContain("bin-spui", script.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gateway_listens_on_loopback_only_by_default()
    {
        using var directory = new TempDirectory();
        var ports = HostPorts.Free();
        await using var host = await CityTwinHost.CreateAsync([.. ports.Arguments, $"--Storage:DataDirectory={directory.Combine("data")}"]);
        await host.StartAsync();

        using (var loopback = new TcpClient())
            await loopback.ConnectAsync(IPAddress.Loopback, ports.Gateway);
        var outward = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .ToList();
        output.WriteLine($"addresses tried: {string.Join(", ", outward)}");
        foreach (var address in outward)
        {
            using var client = new TcpClient();
            await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(address, ports.Gateway));
        }
    }
}
