using CityTwin.Domain.Common;
using static System.FormattableString;

namespace CityTwin.Routing.Problems;

/// <summary>
/// Integer travel costs between a problem's nodes. The solver asks once for the matrix of the nodes it
/// routes, so a source may compute costs lazily and only for a zone's nodes (see <see cref="Zoning.SweepZoning"/>).
/// </summary>
public abstract class TravelCosts
{
    public abstract int NodeCount { get; }

    /// <summary>The costs among <paramref name="nodes"/>: row and column <c>i</c> are <c>nodes[i]</c>.</summary>
    public abstract long[][] Matrix(IReadOnlyList<int> nodes, CancellationToken cancellationToken = default);

    /// <summary>Costs given as a square matrix of non-negative integers (not copied; do not change it afterwards).</summary>
    /// <exception cref="RoutingProblemException">The matrix is not square or has a negative entry.</exception>
    public static TravelCosts FromMatrix(long[][] matrix) => new MatrixCosts(matrix);

    /// <summary>
    /// Euclidean distance times <paramref name="costPerUnit"/>, rounded to the nearest integer (TSPLIB's
    /// <c>nint</c>, the convention CVRPLIB optima are computed with).
    /// </summary>
    public static EuclideanCosts Euclidean(IReadOnlyList<PlanePoint> points, double costPerUnit = 1) => new(points, costPerUnit);
}

/// <summary>Costs read from a full matrix.</summary>
public sealed class MatrixCosts : TravelCosts
{
    private readonly long[][] matrix;

    public MatrixCosts(long[][] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var violations = new List<RuleViolation>();
        for (var row = 0; row < matrix.Length && violations.Count < 10; row++)
        {
            if (matrix[row] is null || matrix[row].Length != matrix.Length)
            {
                violations.Add(new("costs", Invariant($"row {row} has {matrix[row]?.Length ?? 0} entries; a matrix of {matrix.Length} nodes needs {matrix.Length}")));
                continue;
            }
            for (var column = 0; column < matrix.Length; column++)
            {
                if (matrix[row][column] < 0)
                    violations.Add(new("costs", Invariant($"entry [{row}][{column}] is {matrix[row][column]}: costs must not be negative")));
            }
        }
        RoutingProblemException.ThrowIfAny(violations);
        this.matrix = matrix;
    }

    public override int NodeCount => matrix.Length;

    public override long[][] Matrix(IReadOnlyList<int> nodes, CancellationToken cancellationToken = default)
    {
        var result = new long[nodes.Count][];
        for (var i = 0; i < nodes.Count; i++)
        {
            var source = matrix[nodes[i]];
            var row = result[i] = new long[nodes.Count];
            for (var j = 0; j < nodes.Count; j++)
                row[j] = source[nodes[j]];
        }
        return result;
    }
}

/// <summary>Straight-line costs between points on a plane.</summary>
public sealed class EuclideanCosts : TravelCosts
{
    public EuclideanCosts(IReadOnlyList<PlanePoint> points, double costPerUnit = 1)
    {
        ArgumentNullException.ThrowIfNull(points);
        var violations = new List<RuleViolation>();
        if (!double.IsFinite(costPerUnit) || costPerUnit <= 0)
            violations.Add(new("costPerUnit", Invariant($"{costPerUnit} is not a positive number")));
        for (var i = 0; i < points.Count && violations.Count < 10; i++)
        {
            if (!double.IsFinite(points[i].X) || !double.IsFinite(points[i].Y))
                violations.Add(new("positions", Invariant($"node {i} is at ({points[i].X}, {points[i].Y}), not a finite point")));
        }
        RoutingProblemException.ThrowIfAny(violations);
        Points = points;
        CostPerUnit = costPerUnit;
    }

    public IReadOnlyList<PlanePoint> Points { get; }

    public double CostPerUnit { get; }

    public override int NodeCount => Points.Count;

    public long Between(int from, int to)
    {
        var dx = Points[from].X - Points[to].X;
        var dy = Points[from].Y - Points[to].Y;
        return (long)Math.Round(Math.Sqrt(dx * dx + dy * dy) * CostPerUnit, MidpointRounding.AwayFromZero);
    }

    public override long[][] Matrix(IReadOnlyList<int> nodes, CancellationToken cancellationToken = default)
    {
        var result = new long[nodes.Count][];
        for (var i = 0; i < nodes.Count; i++)
        {
            var row = result[i] = new long[nodes.Count];
            for (var j = 0; j < nodes.Count; j++)
                row[j] = Between(nodes[i], nodes[j]);
        }
        return result;
    }
}
