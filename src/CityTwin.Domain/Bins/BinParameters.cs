using CityTwin.Domain.Common;

namespace CityTwin.Domain.Bins;

/// <summary>
/// How a bin was provisioned. <see cref="DepthCm"/> (lid sensor to the bottom) is needed to read an
/// ultrasonic distance; <see cref="MaxLoadKg"/> is needed to read a load cell; the location, when given,
/// lets a reading that carries one tell that the bin was moved.
/// </summary>
public sealed record BinParameters
{
    public const double DefaultFullnessThreshold = 0.8;
    public const double MinCapacityLitres = 1;
    public const double MaxCapacityLitres = 10_000;
    public const double MinFullnessThreshold = 0.2;
    public const double MinDepthCm = 10;
    public const double MaxDepthCm = 1_000;
    public const double MaxMaxLoadKg = 10_000;

    /// <summary>Volume in litres (<c>binCapacity</c>).</summary>
    public double BinCapacityLitres { get; init; }

    /// <summary>The filling level (0..1) from which the bin counts as full (<c>binFullnessThreshold</c>).</summary>
    public double BinFullnessThreshold { get; init; } = DefaultFullnessThreshold;

    /// <summary>Distance from the ultrasonic sensor to the bottom of the empty bin, in cm.</summary>
    public double? DepthCm { get; init; }

    /// <summary>The most the load cell should see when the bin is full, in kg.</summary>
    public double? MaxLoadKg { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var violations = new List<RuleViolation>();
        if (!double.IsFinite(BinCapacityLitres) || BinCapacityLitres is < MinCapacityLitres or > MaxCapacityLitres)
            violations.Add(new("binCapacity", $"{BinCapacityLitres} is outside {MinCapacityLitres}..{MaxCapacityLitres} litres"));
        if (!double.IsFinite(BinFullnessThreshold) || BinFullnessThreshold is < MinFullnessThreshold or > 1)
            violations.Add(new("binFullnessThreshold", $"{BinFullnessThreshold} is outside {MinFullnessThreshold}..1"));
        if (DepthCm is { } depth && (!double.IsFinite(depth) || depth is < MinDepthCm or > MaxDepthCm))
            violations.Add(new("depthCm", $"{depth} is outside {MinDepthCm}..{MaxDepthCm} cm"));
        if (MaxLoadKg is { } load && (!double.IsFinite(load) || load <= 0 || load > MaxMaxLoadKg))
            violations.Add(new("maxLoadKg", $"{load} is outside 0..{MaxMaxLoadKg} kg"));
        if (Latitude.HasValue != Longitude.HasValue)
            violations.Add(new(Latitude.HasValue ? "longitude" : "latitude", "latitude and longitude go together"));
        if (Latitude is { } lat && (!double.IsFinite(lat) || lat is < -90 or > 90))
            violations.Add(new("latitude", $"{lat} is outside -90..90"));
        if (Longitude is { } lon && (!double.IsFinite(lon) || lon is < -180 or > 180))
            violations.Add(new("longitude", $"{lon} is outside -180..180"));
        return violations;
    }
}
