namespace CityTwin.Routing.Problems;

/// <summary>The costs among some of another source's nodes, renumbered 0..k-1 (a zone's problem).</summary>
public sealed class SubsetCosts(TravelCosts inner, IReadOnlyList<int> nodes) : TravelCosts
{
    public override int NodeCount => nodes.Count;

    public override long[][] Matrix(IReadOnlyList<int> subset, CancellationToken cancellationToken = default) =>
        inner.Matrix(subset.Select(node => nodes[node]).ToArray(), cancellationToken);
}
