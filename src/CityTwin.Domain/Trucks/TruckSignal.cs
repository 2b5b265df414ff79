namespace CityTwin.Domain.Trucks;

/// <summary>A change the district should hear about, raised (<paramref name="Raised"/>) or cleared.</summary>
public sealed record TruckSignal(string Code, bool Raised)
{
    public const string Broken = "broken";
    public const string OutOfService = "outOfService";

    /// <summary>The last stop of the route was collected; only ever raised.</summary>
    public const string RouteCompleted = "routeCompleted";

    /// <summary>The load reached <see cref="TruckRules.LoadHighFraction"/> of capacity.</summary>
    public const string LoadHigh = "loadHigh";
}
