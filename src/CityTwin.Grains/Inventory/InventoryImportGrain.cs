using System.Text.RegularExpressions;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Inventory;
using CityTwin.Domain.Inventory;
using CityTwin.Grains.Twins;
using Microsoft.Extensions.Logging;

namespace CityTwin.Grains.Inventory;

/// <summary>
/// Imports an inventory file: parses it, stores its road segments district by district, then provisions
/// each asset through its twin, so that an intersection finds its approaches and a light its street in
/// the network just stored. A row whose twin already holds exactly what the row says is not sent again,
/// so importing the same file twice writes nothing the second time.
/// </summary>
[StatelessWorker]
public sealed partial class InventoryImportGrain(ILogger<InventoryImportGrain> logger) : Grain, IInventoryImportGrain
{
    /// <summary>
    /// Twins provisioned at once: enough to keep the silo and the database busy, few enough that one
    /// import of a whole city does not starve readings arriving meanwhile.
    /// </summary>
    public const int MaxConcurrentProvisions = 32;

    public async Task<ImportReport> Import(ImportFormat format, string content)
    {
        content ??= "";
        var document = format switch
        {
            ImportFormat.Csv => InventoryCsv.Parse(new StringReader(content)),
            ImportFormat.GeoJson => InventoryGeoJson.Parse(content),
            _ => InventoryDocument.Unreadable("format", $"{format} is not an import format: use Csv or GeoJson"),
        };
        var report = new ImportReportBuilder(document);
        await StoreSegmentsAsync(document.Segments, report);
        await ProvisionAssetsAsync(document.Assets, report);

        var result = report.Build();
        logger.LogInformation(
            "Imported {Format} inventory: {Rows} rows, {Provisioned} assets provisioned, {Unchanged} unchanged, {Stored} segments stored, {SegmentsUnchanged} unchanged, {Rejected} rejected",
            format, result.RowsRead, result.AssetsProvisioned, result.AssetsUnchanged, result.SegmentsStored, result.SegmentsUnchanged, result.RowsRejected);
        return result;
    }

    /// <summary>Each district's segments in one all-or-nothing upsert of those that differ from what is stored.</summary>
    private async Task StoreSegmentsAsync(IReadOnlyList<RoadSegmentRow> rows, ImportReportBuilder report)
    {
        foreach (var district in rows.GroupBy(r => r.DistrictId, StringComparer.Ordinal))
        {
            var network = GrainFactory.GetGrain<IRoadNetworkGrain>(district.Key);
            var stored = (await network.GetSegments()).ToDictionary(s => s.Id, StringComparer.Ordinal);
            var changed = new List<(RoadSegmentRow Row, RoadSegment Segment)>();
            foreach (var row in district)
            {
                var segment = ToContract(row);
                if (stored.TryGetValue(segment.Id, out var current) && current.Equals(segment))
                    report.SegmentsUnchanged(1);
                else
                    changed.Add((row, segment));
            }
            if (changed.Count == 0)
                continue;

            var result = await network.UpsertSegments([.. changed.Select(c => c.Segment)]);
            if (result.Accepted)
                report.SegmentsStored(changed.Count);
            else
                RejectSegments(changed.Select(c => c.Row).ToList(), result.Errors, report);
        }
    }

    /// <summary>A district's upsert was refused: each of its rows is rejected with its own errors, or the district's.</summary>
    private static void RejectSegments(List<RoadSegmentRow> rows, IReadOnlyList<FieldError> errors, ImportReportBuilder report)
    {
        var byPosition = errors
            .Select(e => (Error: e, Match: SegmentField().Match(e.Field)))
            .Where(e => e.Match.Success)
            .ToLookup(e => int.Parse(e.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), e => new FieldError(e.Match.Groups[2].Value, e.Error.Message));
        var districtWide = errors.Where(e => !SegmentField().IsMatch(e.Field)).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var rowErrors = byPosition[i].Concat(districtWide).ToList();
            if (rowErrors.Count == 0)
                rowErrors.Add(new FieldError(InventoryColumns.SegmentId, "not stored: other segments of its district were refused, and a district's segments are stored all or nothing"));
            report.Reject(rowErrors.Select(e => new RowProblem(rows[i].Row, rows[i].SegmentId, e.Field, e.Message)));
        }
    }

    private async Task ProvisionAssetsAsync(IReadOnlyList<InventoryRow> rows, ImportReportBuilder report)
    {
        var networks = new Dictionary<string, DistrictRoadNetwork>(StringComparer.Ordinal);
        foreach (var districtId in rows.Select(r => r.DistrictId).Distinct(StringComparer.Ordinal))
            networks[districtId] = new DistrictRoadNetwork(districtId, await GrainFactory.GetGrain<IRoadNetworkGrain>(districtId).GetSegments());

        var work = new List<(InventoryRow Row, AssetProvision Provision)>();
        foreach (var row in rows)
        {
            var (provision, problems) = InventoryAssetMapping.ToProvision(row, networks[row.DistrictId]);
            if (provision is null)
                report.Reject(problems);
            else
                work.Add((row, provision));
        }

        // Workers take the next row in turn; they all run on this activation, so the report needs no lock.
        var next = -1;
        async Task WorkAsync()
        {
            for (var i = ++next; i < work.Count; i = ++next)
                await ProvisionAsync(work[i].Row, work[i].Provision, report);
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Min(MaxConcurrentProvisions, work.Count)).Select(_ => WorkAsync()));
    }

    private async Task ProvisionAsync(InventoryRow row, AssetProvision provision, ImportReportBuilder report)
    {
        try
        {
            var twin = TwinGrains.Get(GrainFactory, provision.Kind, provision.AssetId);
            if (await twin.GetRecord() is { Lifecycle: AssetLifecycle.Active } record && record.Provision == provision)
            {
                report.AssetUnchanged();
                return;
            }
            var result = await twin.Provision(provision);
            if (result.Accepted)
                report.AssetProvisioned();
            else if (result.Errors.Count == 0)
                report.Reject([new RowProblem(row.Row, row.AssetId, InventoryColumns.AssetId, "was refused by its twin without a reason")]);
            else
                report.Reject(result.Errors.Select(e => new RowProblem(row.Row, row.AssetId, e.Field, e.Message)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One asset that cannot be reached (a kind this silo lacks, storage down) fails its row, not the import.
            logger.LogWarning(e, "Provisioning {Kind} {AssetId} from an import failed", provision.Kind, provision.AssetId);
            report.Reject([new RowProblem(row.Row, row.AssetId, InventoryColumns.AssetId, $"could not be provisioned: {e.Message}")]);
        }
    }

    private static RoadSegment ToContract(RoadSegmentRow row) => new(
        row.SegmentId, row.FromIntersectionId, row.ToIntersectionId, row.DistrictId,
        [.. row.Points.Select(p => new GeoPoint(p.Latitude, p.Longitude))],
        row.LengthMetres, row.FreeFlowSpeedKmh, row.Lanes);

    [GeneratedRegex(@"^segments\[(\d+)\]\.(.+)$")]
    private static partial Regex SegmentField();
}
