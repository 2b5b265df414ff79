namespace CityTwin.Contracts.Inventory;

[GenerateSerializer, Alias("citytwin.ImportFormat")]
public enum ImportFormat
{
    /// <summary>Assets only, one per row; see docs/inventory.md.</summary>
    Csv,

    /// <summary>A FeatureCollection: Points are assets, LineStrings road segments; see docs/inventory.md.</summary>
    GeoJson,
}

/// <summary>
/// What an import did, row by row. Every row read is counted once:
/// <c>RowsRead = AssetsProvisioned + AssetsUnchanged + SegmentsStored + SegmentsUnchanged + RowsRejected</c>.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.ImportReport")]
public sealed record ImportReport(
    [property: Id(0)] int RowsRead,
    [property: Id(1)] int AssetsProvisioned,
    [property: Id(2)] int AssetsUnchanged,
    [property: Id(3)] int RowsRejected,
    [property: Id(4)] int SegmentsStored,
    [property: Id(5)] int SegmentsUnchanged,
    [property: Id(6)] IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// One thing wrong with a row. <see cref="Row"/> is the CSV row number (the header is row 1) or the
/// GeoJSON feature's index in "features" (from 0); null when the file as a whole could not be read.
/// <see cref="Id"/> is the row's asset or segment id when it has one. A rejected row has at least one
/// problem; a problem on the header (an unknown column) rejects no row.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.ImportProblem")]
public sealed record ImportProblem(
    [property: Id(0)] int? Row,
    [property: Id(1)] string? Id,
    [property: Id(2)] string Field,
    [property: Id(3)] string Message);
