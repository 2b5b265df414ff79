namespace CityTwin.Domain.Trucks;

/// <summary>A collection route from the district's plan, stops in the order to drive them.</summary>
public sealed record RouteAssignment(string PlanId, IReadOnlyList<RouteStop> Stops);
