namespace CityTwin.Routing.Zoning;

/// <summary>Stops and vehicles (indices into the whole problem) routed together, apart from other zones.</summary>
public sealed record Zone(IReadOnlyList<int> Stops, IReadOnlyList<int> Vehicles);
