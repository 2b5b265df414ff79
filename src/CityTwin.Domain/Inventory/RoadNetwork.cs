namespace CityTwin.Domain.Inventory;

/// <summary>
/// An immutable set of road segments that answers "which segment is nearest this point?" through a
/// uniform grid: every leg of every polyline is registered in the cells its bounding box covers, and a
/// query looks only at the segments registered in the cells its search circle's bounding box covers,
/// and measures only those whose own bounding box is within reach. Legs rather than whole segments are
/// registered so that a long diagonal road does not fill a square of cells. Cells are keyed sparsely,
/// so a network anywhere on Earth costs only the cells it touches.
/// </summary>
public sealed class RoadNetwork
{
    /// <summary>
    /// About 550 m north–south and 340 m east–west at 52°: a 200 m search reads at most 3 × 3 cells,
    /// and a city block's legs share a cell with few others.
    /// </summary>
    public const double CellDegrees = 0.005;

    private const int ColumnsAroundEarth = 72_000;

    private readonly RoadPolyline[] segments;
    private readonly Bounds[] bounds;
    private readonly Dictionary<(int Row, int Column), List<int>> cells = [];

    public RoadNetwork(IEnumerable<RoadPolyline> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        this.segments = [.. segments];
        bounds = [.. this.segments.Select(s => Bounds.Of(s.Points))];
        for (var index = 0; index < this.segments.Length; index++)
            Register(index);
    }

    public static RoadNetwork Empty { get; } = new([]);

    public int Count => segments.Length;

    /// <summary>
    /// The segment nearest <paramref name="point"/> if one lies within <paramref name="maxDistanceMetres"/>;
    /// of two equally near, the one whose id sorts first, so the same network always gives the same answer.
    /// </summary>
    public SegmentMatch? Nearest(GeoCoordinate point, double maxDistanceMetres)
    {
        if (segments.Length == 0 || !point.IsOnEarth || !(maxDistanceMetres >= 0))
            return null;

        var latitudeMargin = maxDistanceMetres / GeoMath.MetresPerDegree;
        var metresPerDegreeEast = GeoMath.MetresPerDegreeEast(point.Latitude);
        var longitudeMargin = Math.Min(180, maxDistanceMetres / Math.Max(metresPerDegreeEast, 1e-6));
        var firstColumn = Column(point.Longitude - longitudeMargin);
        var lastColumn = Math.Min(Column(point.Longitude + longitudeMargin), firstColumn + ColumnsAroundEarth - 1);

        SegmentMatch? best = null;
        for (var row = Row(point.Latitude - latitudeMargin); row <= Row(point.Latitude + latitudeMargin); row++)
        {
            for (var column = firstColumn; column <= lastColumn; column++)
            {
                if (!cells.TryGetValue((row, Wrap(column)), out var registered))
                    continue;
                foreach (var index in registered)
                {
                    // Most segments in the cells read are beyond reach: their box says so without measuring them.
                    var limit = best?.DistanceMetres ?? maxDistanceMetres;
                    if (bounds[index].MinimumDistanceMetres(point, metresPerDegreeEast) > limit)
                        continue;
                    var segment = segments[index];
                    var distance = GeoMath.DistanceToPolylineMetres(point, segment.Points, metresPerDegreeEast);
                    if (distance <= maxDistanceMetres && IsBetter(distance, segment.SegmentId, best))
                        best = new SegmentMatch(segment.SegmentId, distance);
                }
            }
        }
        return best;
    }

    private static bool IsBetter(double distance, string segmentId, SegmentMatch? best) =>
        best is null
        || distance < best.DistanceMetres
        || distance == best.DistanceMetres && string.CompareOrdinal(segmentId, best.SegmentId) < 0;

    private void Register(int index)
    {
        var points = segments[index].Points;
        if (points.Count == 1)
            RegisterLeg(index, points[0], points[0]);
        for (var i = 1; i < points.Count; i++)
            RegisterLeg(index, points[i - 1], points[i]);
    }

    private void RegisterLeg(int index, GeoCoordinate from, GeoCoordinate to)
    {
        // Unwrapped longitudes, so a leg across the antimeridian covers the few cells it really crosses.
        var fromLongitude = from.Longitude;
        var toLongitude = fromLongitude + GeoMath.LongitudeDelta(from.Longitude, to.Longitude);
        var lastColumn = Column(Math.Max(fromLongitude, toLongitude));
        var lastRow = Row(Math.Max(from.Latitude, to.Latitude));
        for (var row = Row(Math.Min(from.Latitude, to.Latitude)); row <= lastRow; row++)
        {
            for (var column = Column(Math.Min(fromLongitude, toLongitude)); column <= lastColumn; column++)
            {
                var key = (row, Wrap(column));
                if (!cells.TryGetValue(key, out var registered))
                    cells[key] = registered = [];
                // Segments are registered one after another, so a repeat can only be the last entry.
                if (registered.Count == 0 || registered[^1] != index)
                    registered.Add(index);
            }
        }
    }

    /// <summary>A segment's bounding box: centre and half extents in degrees, longitudes unwrapped across the antimeridian.</summary>
    private readonly record struct Bounds(double CentreLatitude, double CentreLongitude, double HalfHeight, double HalfWidth)
    {
        public static Bounds Of(IReadOnlyList<GeoCoordinate> points)
        {
            double south = double.MaxValue, north = double.MinValue, west = double.MaxValue, east = double.MinValue;
            var longitude = points.Count > 0 ? points[0].Longitude : 0;
            for (var i = 0; i < points.Count; i++)
            {
                if (i > 0)
                    longitude += GeoMath.LongitudeDelta(points[i - 1].Longitude, points[i].Longitude);
                (south, north) = (Math.Min(south, points[i].Latitude), Math.Max(north, points[i].Latitude));
                (west, east) = (Math.Min(west, longitude), Math.Max(east, longitude));
            }
            return new Bounds((south + north) / 2, (west + east) / 2, (north - south) / 2, (east - west) / 2);
        }

        /// <summary>
        /// No point of the box is nearer than this, in the same local projection that
        /// <see cref="GeoMath.DistanceToPolylineMetres"/> measures in, so it never overstates.
        /// </summary>
        public double MinimumDistanceMetres(GeoCoordinate point, double metresPerDegreeEast)
        {
            var north = Math.Max(0, Math.Abs(point.Latitude - CentreLatitude) - HalfHeight) * GeoMath.MetresPerDegree;
            var east = Math.Max(0, Math.Abs(GeoMath.LongitudeDelta(CentreLongitude, point.Longitude)) - HalfWidth) * metresPerDegreeEast;
            return Math.Sqrt(north * north + east * east);
        }
    }

    private static int Row(double latitude) => (int)Math.Floor(latitude / CellDegrees);

    private static int Column(double longitude) => (int)Math.Floor(longitude / CellDegrees);

    private static int Wrap(int column) => (column % ColumnsAroundEarth + ColumnsAroundEarth) % ColumnsAroundEarth;
}
