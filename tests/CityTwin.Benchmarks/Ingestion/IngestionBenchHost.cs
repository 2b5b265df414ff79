using System.Globalization;
using System.Security.Cryptography;
using CityTwin.Benchmarks.Twins;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Devices;
using CityTwin.Grains.Twins;
using CityTwin.Host.Hosting;
using CityTwin.Ingestion.Broker;
using CityTwin.Ingestion.Topics;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Benchmarks.Ingestion;

/// <summary>
/// The CityTwin host itself, built in this process as the executable builds it (silo, SQLite storage with
/// write-behind, embedded broker, device credentials, HTTP and metrics), on free loopback ports and a
/// temporary data directory, plus an <see cref="AppliedReadingProbe"/> in its silo.
/// </summary>
public sealed class IngestionBenchHost : IAsyncDisposable
{
    public const string DistrictId = "bench";
    private const int Parallelism = 16;

    private readonly WebApplication app;
    private readonly TempDirectory directory;

    private IngestionBenchHost(WebApplication app, TempDirectory directory, AppliedReadingProbe probe)
    {
        this.app = app;
        this.directory = directory;
        Probe = probe;
    }

    public AppliedReadingProbe Probe { get; }

    public IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    public int MqttPort => app.Services.GetRequiredService<EmbeddedBroker>().BoundPorts[0];

    /// <summary>Storage as the host describes it, and its write-behind interval.</summary>
    public string StorageDescription =>
        $"{app.Services.GetRequiredService<CityTwin.Host.Persistence.StorageEndpoint>().Description}, write-behind every "
        + $"{app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TwinOptions>>().Value.WriteBehindInterval.TotalSeconds:0.#} s";

    /// <summary>The packet limit the host's broker enforces, for the broker-alone run to use the same.</summary>
    public int MaxPacketBytes => app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BrokerOptions>>().Value.MaxPacketBytes;

    /// <param name="gatewayMessagesPerSecond">The per-gateway rate limit, raised so that a benchmark gateway, which speaks for many twins at once, is measured and not cut off.</param>
    public static async Task<IngestionBenchHost> StartAsync(double gatewayMessagesPerSecond, CancellationToken cancellationToken)
    {
        var directory = new TempDirectory("citytwin-ingest-bench");
        var probe = new AppliedReadingProbe();
        string[] arguments =
        [
            $"--Storage:DataDirectory={directory.Combine("data")}",
            $"--Http:Url=http://127.0.0.1:{FreePort.Next()}",
            $"--Clustering:SiloPort={FreePort.Next()}",
            $"--Clustering:GatewayPort={FreePort.Next()}",
            $"--Mqtt:Port={FreePort.Next()}",
            $"--Mqtt:GatewayMessagesPerSecond={gatewayMessagesPerSecond.ToString(CultureInfo.InvariantCulture)}",
            $"--Mqtt:GatewayMessageBurst={(int)gatewayMessagesPerSecond}",
            $"--Devices:CredentialKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}",
            // The host's information log would bury the benchmark's output; warnings (refusals) still show.
            "--Logging:LogLevel:Default=Warning",
        ];
        WebApplication? app = null;
        try
        {
            app = await CityTwinHost.CreateAsync(arguments, b => b.Services.AddSingleton<IIncomingGrainCallFilter>(probe), cancellationToken);
            await app.StartAsync(cancellationToken);
            var district = await app.Services.GetRequiredService<IGrainFactory>().GetGrain<ICityDirectoryGrain>(CityDirectory.Key)
                .UpsertDistrict(new District(DistrictId, "Benchmark district", "Europe/Amsterdam", 52.37, 4.89));
            Require(district.Accepted, "the district", district.Errors);
            return new IngestionBenchHost(app, directory, probe);
        }
        catch
        {
            if (app is not null)
                await app.DisposeAsync();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <paramref name="gateways"/> gateways, each speaking for its block of <paramref name="twinsPerGateway"/>
    /// twins of the city mix (so every gateway has the mix), provisioned and written through as the
    /// product does it, then one credential per gateway.
    /// </summary>
    public async Task<IReadOnlyList<BenchGateway>> ProvisionAsync(
        IReadOnlyDictionary<AssetKind, KindWorkload> workloads, int gateways, int twinsPerGateway, Action<string> progress, CancellationToken cancellationToken)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var gatewayIds = Enumerable.Range(0, gateways).Select(g => $"gw-{g:D4}").ToArray();
        await ParallelLoop.ForAsync(gateways, Parallelism, async g =>
        {
            var declared = await Grains.GetGrain<IDeviceGrain>(gatewayIds[g]).DeclareGateway(DistrictId);
            Require(declared.Accepted, $"gateway {gatewayIds[g]}", declared.Errors);
        }, cancellationToken);

        progress($"gateways declared ({stopwatch.Elapsed.TotalSeconds:0.#} s)");
        var twins = gateways * twinsPerGateway;
        var assets = new BenchAsset[twins];
        await ParallelLoop.ForAsync(twins, Parallelism, async i =>
        {
            var workload = workloads[CityMix.KindOf(i)];
            var assetId = workload.AssetId(i);
            var provisioned = await TwinGrains.Get(Grains, workload.Kind, assetId).Provision(new AssetProvision(
                assetId, workload.Kind, DistrictId,
                new GeoPoint(52.30 + i % 1000 * 0.0002, 4.80 + i / 1000 * 0.0002),
                gatewayIds[i / twinsPerGateway], workload.Spec(i)));
            Require(provisioned.Accepted, assetId, provisioned.Errors);
            assets[i] = new BenchAsset(i, assetId, workload.Kind, TopicAddress.Format(DistrictId, workload.Kind, assetId, TopicChannel.Telemetry));
        }, cancellationToken);

        progress($"twins provisioned ({stopwatch.Elapsed.TotalSeconds:0.#} s)");
        var secrets = new string[gateways];
        await ParallelLoop.ForAsync(gateways, Parallelism, async g =>
        {
            var issued = await Grains.GetGrain<IDeviceGrain>(gatewayIds[g]).IssueCredential();
            Require(issued.Issued, $"the credential of {gatewayIds[g]}", issued.Errors);
            secrets[g] = issued.Credential!.Secret;
        }, cancellationToken);

        return [.. Enumerable.Range(0, gateways).Select(g =>
            new BenchGateway(gatewayIds[g], DistrictId, secrets[g], assets[(g * twinsPerGateway)..((g + 1) * twinsPerGateway)]))];
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    private static void Require(bool accepted, string what, IReadOnlyList<FieldError> errors)
    {
        if (!accepted)
            throw new InvalidOperationException($"provisioning {what} failed: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
    }
}
