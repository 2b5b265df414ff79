namespace CityTwin.Contracts.Intersections;

/// <summary>The flow expected on one approach at <see cref="At"/>.</summary>
/// <param name="Intensity">Expected veh/h.</param>
/// <param name="ProfileWeight">Share taken from the learned weekday/hour profile, 0..1; the rest is the recent trend.</param>
[Immutable, GenerateSerializer, Alias("citytwin.FlowForecastView")]
public sealed record FlowForecastView(
    [property: Id(0)] string ApproachId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] double Intensity,
    [property: Id(3)] double ProfileWeight);
