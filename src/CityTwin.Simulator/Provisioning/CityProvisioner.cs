using CityTwin.Contracts.City;
using CityTwin.Contracts.Devices;
using CityTwin.Contracts.Inventory;
using CityTwin.Simulator.City;
using CityTwin.Simulator.Inventory;
using CityTwin.Simulator.Mqtt;

namespace CityTwin.Simulator.Provisioning;

/// <summary>
/// Puts a generated city into a running host the way an operator would: its districts into the city
/// directory, its gateways declared, its inventory imported (GeoJSON, road network included), then a
/// credential issued to every device and gateway (rotated when one exists, so a second run works too).
/// Works through any grain factory: the host's own (the demo) or an Orleans client of its gateway.
/// </summary>
public static class CityProvisioner
{
    private const int ParallelCalls = 64;
    private const int AssetsPerImport = 250;

    /// <exception cref="InvalidOperationException">The host refused a district, a gateway or an inventory row.</exception>
    public static async Task<DeviceCredentials> ProvisionAsync(IGrainFactory grains, SimulatedCity city, Action<string>? progress = null)
    {
        var phase = System.Diagnostics.Stopwatch.StartNew();
        var directory = grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key);
        foreach (var district in city.Districts)
        {
            var result = await directory.UpsertDistrict(new District(district.Id, district.Name, district.TimeZone, district.Latitude, district.Longitude));
            if (!result.Accepted)
                throw new InvalidOperationException($"district '{district.Id}' was refused: {Describe(result.Errors)}");
        }
        await InBatches(city.Gateways, async gateway =>
        {
            var result = await grains.GetGrain<IDeviceGrain>(gateway.Id).DeclareGateway(gateway.DistrictId);
            if (!result.Accepted)
                throw new InvalidOperationException($"gateway '{gateway.Id}' was refused: {Describe(result.Errors)}");
        });
        progress?.Invoke($"{city.Districts.Count} district(s) and {city.Gateways.Count} gateways declared in {Seconds(phase)}; importing {city.Assets.Count} assets and {city.Segments.Count} road segments");
        phase.Restart();

        // In parts, the roads first: one grain call must finish within the caller's response timeout (30 s by default).
        var import = grains.GetGrain<IInventoryImportGrain>(InventoryImport.Key);
        var parts = new List<string> { InventoryWriter.ToGeoJson(city.Segments, []) };
        for (var start = 0; start < city.Assets.Count; start += AssetsPerImport)
            parts.Add(InventoryWriter.ToGeoJson([], city.Assets.Skip(start).Take(AssetsPerImport)));
        int provisioned = 0, unchanged = 0, segments = 0;
        foreach (var part in parts)
        {
            var report = await import.Import(ImportFormat.GeoJson, part);
            if (report.Problems.Count > 0)
            {
                var first = report.Problems.Take(5).Select(p => $"feature {p.Row} ({p.Id}): {p.Field}: {p.Message}");
                throw new InvalidOperationException($"the import refused {report.RowsRejected} of {report.RowsRead} rows: {string.Join("; ", first)}");
            }
            (provisioned, unchanged, segments) = (provisioned + report.AssetsProvisioned, unchanged + report.AssetsUnchanged, segments + report.SegmentsStored + report.SegmentsUnchanged);
        }
        progress?.Invoke($"imported in {Seconds(phase)}: {provisioned} assets provisioned, {unchanged} unchanged, {segments} road segments");
        phase.Restart();

        var secrets = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await InBatches(city.DeviceIds.ToList(), async deviceId =>
        {
            var device = grains.GetGrain<IDeviceGrain>(deviceId);
            var issued = await device.IssueCredential();
            if (!issued.Issued)
                issued = await device.RotateCredential();
            secrets[deviceId] = issued.Credential?.Secret
                ?? throw new InvalidOperationException($"no credential for '{deviceId}': {Describe(issued.Errors)}");
        });
        progress?.Invoke($"{secrets.Count} device credentials issued in {Seconds(phase)}");
        return new DeviceCredentials(secrets);
    }

    private static async Task InBatches<T>(IReadOnlyList<T> items, Func<T, Task> call)
    {
        for (var start = 0; start < items.Count; start += ParallelCalls)
            await Task.WhenAll(items.Skip(start).Take(ParallelCalls).Select(call));
    }

    private static string Seconds(System.Diagnostics.Stopwatch phase) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{phase.Elapsed.TotalSeconds:0.0} s");

    private static string Describe(IReadOnlyList<FieldError> errors) => string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));
}
