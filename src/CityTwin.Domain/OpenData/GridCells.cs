namespace CityTwin.Domain.OpenData;

/// <summary>One cell of the open-data grid: its row and column, and its edges in degrees.</summary>
public readonly record struct GridCell(int Row, int Column, double South, double West, double North, double East)
{
    /// <summary>A stable, URL-safe name: <c>r{row}c{column}</c> (negative numbers keep their sign).</summary>
    public string Id => $"r{Row}c{Column}";
}

/// <summary>
/// The open-data grid: rows of equal latitude height, each cut into columns as wide on the ground as the rows are
/// high (at the row's middle latitude), so cells are near-square at any latitude. Fixed to the globe, not to a
/// city's extent: the same point falls in the same cell whatever else is published.
/// </summary>
public static class GridCells
{
    public const double DefaultCellMetres = 500;

    private const double MetresPerDegree = Math.PI / 180 * Common.GeoDistance.EarthRadiusMetres;

    public static GridCell Of(double latitude, double longitude, double cellMetres = DefaultCellMetres)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "latitude must be -90..90");
        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "longitude must be -180..180");
        if (!double.IsFinite(cellMetres) || cellMetres < 10)
            throw new ArgumentOutOfRangeException(nameof(cellMetres), cellMetres, "a cell is at least 10 m");
        var height = cellMetres / MetresPerDegree;
        var row = (int)Math.Floor(latitude / height);
        var south = row * height;
        var middle = Math.Clamp(south + height / 2, -89.9, 89.9);
        var width = Math.Min(360, cellMetres / (MetresPerDegree * Math.Cos(middle * Math.PI / 180)));
        var column = (int)Math.Floor(longitude / width);
        return new GridCell(row, column, south, column * width, south + height, (column + 1) * width);
    }
}
