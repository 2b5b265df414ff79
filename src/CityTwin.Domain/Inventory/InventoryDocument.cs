namespace CityTwin.Domain.Inventory;

/// <summary>
/// An inventory file as read: the assets and road segments that passed every check, and a problem for
/// each one that did not. Nothing is provisioned yet.
/// </summary>
/// <param name="RowsRead">Data rows (CSV, blank lines aside) or features (GeoJSON) in the file.</param>
public sealed record InventoryDocument(
    int RowsRead,
    IReadOnlyList<InventoryRow> Assets,
    IReadOnlyList<RoadSegmentRow> Segments,
    IReadOnlyList<RowProblem> Problems)
{
    /// <summary>Rows that became neither an asset nor a segment.</summary>
    public int RowsRejected => RowsRead - Assets.Count - Segments.Count;

    /// <summary>A file that could not be read at all.</summary>
    public static InventoryDocument Unreadable(string field, string message) =>
        new(0, [], [], [new RowProblem(null, null, field, message)]);
}
