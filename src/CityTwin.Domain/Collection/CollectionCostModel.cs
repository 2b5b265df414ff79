using CityTwin.Domain.Common;

namespace CityTwin.Domain.Collection;

/// <summary>What a collection round cost, by what drove it.</summary>
public sealed record CollectionCost(decimal Distance, decimal TruckTime, decimal Lifts)
{
    public decimal Total => Distance + TruckTime + Lifts;
}

/// <summary>
/// The cost of collecting: per kilometre driven, per truck-hour (from leaving the depot to coming back), and per
/// bin lifted. The defaults are our assumptions for a 26-tonne rear-loader in a European city, to be replaced
/// by a city's own figures:
/// <list type="bullet">
/// <item>€1.30/km: about 0.55 l of diesel per km in stop-and-go collection at €1.60/l (€0.88), plus tyres,
/// servicing and repairs (about €0.40/km).</item>
/// <item>€75 per truck-hour: a driver and one loader at about €30/h each with employer's charges, plus the
/// truck's capital and insurance (about €250,000 over ten years of 2,000 working hours: €12.50/h).</item>
/// <item>€0.40 per lift: the lift and compaction cycle's wear and hydraulic energy, and the time of the stop
/// not already counted in truck-hours.</item>
/// </list>
/// </summary>
public sealed record CollectionCostModel
{
    public decimal PerKm { get; init; } = 1.30m;

    public decimal PerTruckHour { get; init; } = 75m;

    public decimal PerLift { get; init; } = 0.40m;

    public string Currency { get; init; } = "EUR";

    public CollectionCost Cost(double kilometres, double truckHours, int lifts)
    {
        if (!double.IsFinite(kilometres) || kilometres < 0)
            throw new ArgumentOutOfRangeException(nameof(kilometres), kilometres, "distance must be 0 or more km");
        if (!double.IsFinite(truckHours) || truckHours < 0)
            throw new ArgumentOutOfRangeException(nameof(truckHours), truckHours, "truck time must be 0 or more hours");
        ArgumentOutOfRangeException.ThrowIfNegative(lifts);
        return new CollectionCost((decimal)kilometres * PerKm, (decimal)truckHours * PerTruckHour, lifts * PerLift);
    }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var violations = new List<RuleViolation>();
        if (PerKm < 0)
            violations.Add(new("perKm", $"{PerKm} is negative"));
        if (PerTruckHour < 0)
            violations.Add(new("perTruckHour", $"{PerTruckHour} is negative"));
        if (PerLift < 0)
            violations.Add(new("perLift", $"{PerLift} is negative"));
        if (string.IsNullOrWhiteSpace(Currency) || Currency.Length != 3)
            violations.Add(new("currency", $"'{Currency}' is not a three-letter ISO 4217 code"));
        return violations;
    }
}
