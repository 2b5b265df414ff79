namespace CityTwin.Domain.Inventory;

/// <summary>Collects what a parser read, refusing an asset or segment id that appears twice in one file.</summary>
internal sealed class InventoryDocumentBuilder(string rowNoun)
{
    private readonly List<InventoryRow> assets = [];
    private readonly List<RoadSegmentRow> segments = [];
    private readonly Dictionary<string, int> assetRows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> segmentRows = new(StringComparer.Ordinal);
    private int rowsRead;

    public List<RowProblem> Problems { get; } = [];

    public void CountRow() => rowsRead++;

    public void Add(InventoryRow asset)
    {
        if (assetRows.TryAdd(asset.AssetId, asset.Row))
            assets.Add(asset);
        else
            Problems.Add(new RowProblem(asset.Row, asset.AssetId, InventoryColumns.AssetId,
                $"'{asset.AssetId}' is already in {rowNoun} {assetRows[asset.AssetId]}; an asset appears once per file"));
    }

    public void Add(RoadSegmentRow segment)
    {
        if (segmentRows.TryAdd(segment.SegmentId, segment.Row))
            segments.Add(segment);
        else
            Problems.Add(new RowProblem(segment.Row, segment.SegmentId, InventoryColumns.SegmentId,
                $"'{segment.SegmentId}' is already in {rowNoun} {segmentRows[segment.SegmentId]}; a segment appears once per file"));
    }

    /// <summary>Problems in file order; a problem of the whole file first.</summary>
    public InventoryDocument Build() =>
        new(rowsRead, assets, segments, [.. Problems.OrderBy(p => p.Row ?? -1)]);
}
