namespace CityTwin.Contracts.Intersections;

/// <summary>The fixed-time plan the twin recommends (Webster): greens and lost times add up to the cycle.</summary>
/// <param name="FlowRatioSum">The sum of the phases' critical flow ratios.</param>
/// <param name="Oversaturated">Demand exceeds what any cycle can serve; the plan runs the longest cycle.</param>
[Immutable, GenerateSerializer, Alias("citytwin.SignalPlanView")]
public sealed record SignalPlanView(
    [property: Id(0)] int CycleSeconds,
    [property: Id(1)] IReadOnlyList<PhaseGreenView> Phases,
    [property: Id(2)] double FlowRatioSum,
    [property: Id(3)] bool Oversaturated);

/// <summary>One phase's green split: the approaches it serves and its effective green.</summary>
/// <param name="FlowRatio">Its most loaded approach's flow over saturation flow.</param>
[Immutable, GenerateSerializer, Alias("citytwin.PhaseGreenView")]
public sealed record PhaseGreenView(
    [property: Id(0)] int Phase,
    [property: Id(1)] IReadOnlyList<string> ApproachIds,
    [property: Id(2)] int GreenSeconds,
    [property: Id(3)] double FlowRatio);
