using CityTwin.Contracts.AirQuality;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Intersections;
using CityTwin.Contracts.Streetlights;
using CityTwin.Contracts.Telemetry;
using CityTwin.Contracts.Trucks;
using CityTwin.Grains.Twins;
using CityTwin.Ingestion.Payloads;

namespace CityTwin.Ingestion.Dispatch;

/// <summary>Hands readings that passed the broker's checks to their twins and waits until they are applied.</summary>
public sealed class ReadingDispatcher(IGrainFactory grains, GrainReferences references)
{
    public Task<ReadingResult> ApplyAsync(ParsedReading reading) => reading.Kind switch
    {
        AssetKind.Bin => Twin<IBinGrain>(reading.AssetId).Report(reading.Stamp, (BinTelemetry)reading.Telemetry),
        AssetKind.Streetlight => Twin<IStreetlightGrain>(reading.AssetId).Report(reading.Stamp, (StreetlightTelemetry)reading.Telemetry),
        AssetKind.Intersection => Twin<IIntersectionGrain>(reading.AssetId).Report(reading.Stamp, (IntersectionTelemetry)reading.Telemetry),
        AssetKind.Truck => Twin<ITruckGrain>(reading.AssetId).Report(reading.Stamp, (TruckTelemetry)reading.Telemetry),
        AssetKind.AirQuality => Twin<IAirQualityGrain>(reading.AssetId).Report(reading.Stamp, (AirQualityTelemetry)reading.Telemetry),
        _ => throw new ArgumentOutOfRangeException(nameof(reading)),
    };

    private T Twin<T>(string assetId) where T : IGrainWithStringKey => references.Get<T>(assetId);

    /// <summary>
    /// Applies a batch: different assets concurrently, one asset's readings in the order the gateway sent
    /// them (so its sequence numbers arrive in order). Results are in the readings' order.
    /// </summary>
    public async Task<ReadingResult[]> ApplyBatchAsync(IReadOnlyList<ParsedReading> readings)
    {
        var results = new ReadingResult[readings.Count];
        // A gateway's batch usually holds one reading per asset: then every call goes out at once, without
        // grouping by asset or a state machine per asset.
        var assets = new HashSet<string>(readings.Count, StringComparer.Ordinal);
        var distinct = true;
        for (var i = 0; i < readings.Count && distinct; i++)
            distinct = assets.Add(readings[i].AssetId);
        if (distinct)
        {
            var calls = new Task<ReadingResult>[readings.Count];
            for (var i = 0; i < calls.Length; i++)
                calls[i] = ApplyAsync(readings[i]);
            await Task.WhenAll(calls);
            for (var i = 0; i < calls.Length; i++)
                results[i] = calls[i].Result;
            return results;
        }
        var byAsset = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < readings.Count; i++)
        {
            if (!byAsset.TryGetValue(readings[i].AssetId, out var positions))
                byAsset[readings[i].AssetId] = positions = [];
            positions.Add(i);
        }
        var work = new List<Task>(byAsset.Count);
        foreach (var positions in byAsset.Values)
            work.Add(ApplyInOrderAsync(readings, positions, results));
        await Task.WhenAll(work);
        return results;
    }

    public Task ReportPresenceAsync(AssetKind kind, string assetId, bool online) =>
        TwinGrains.Get(grains, kind, assetId).ReportPresence(online);

    private async Task ApplyInOrderAsync(IReadOnlyList<ParsedReading> readings, List<int> positions, ReadingResult[] results)
    {
        foreach (var i in positions)
            results[i] = await ApplyAsync(readings[i]);
    }
}
