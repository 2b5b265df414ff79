namespace CityTwin.Domain.Bins;

/// <summary>Where a fill level came from.</summary>
public enum FillSource
{
    /// <summary>The ultrasonic distance: <c>1 - distance / depth</c>.</summary>
    Ultrasonic,

    /// <summary>A level the device computed itself.</summary>
    Reported,

    /// <summary>The load cell alone: <c>weight / maxLoad</c>.</summary>
    Weight,
}

/// <summary>A reading's fill: the level used, where it came from, and the load cell's level when there is one.</summary>
public readonly record struct FillMeasurement(double Level, FillSource Source, double? WeightLevel);

/// <summary>
/// Turns a reading into a fill level. The volume measure is preferred: the ultrasonic distance
/// (<c>1 - distance / depth</c>, clamped to 0..1, so noise beyond the bottom reads empty), else a level
/// the device reports. The load cell (<c>weight / maxLoad</c>, clamped) gives the level only when there
/// is no volume measure, because weight says little about volume (paper is light, glass heavy); when
/// both are present it is a cross-check: a strong contradiction makes the sensor suspect
/// (<see cref="BinRuleOptions.EmptyByVolume"/> and the like).
/// </summary>
public static class BinFill
{
    public static double FromDistance(double distanceCm, double depthCm) => Math.Clamp(1 - distanceCm / depthCm, 0, 1);

    public static double FromWeight(double weightKg, double maxLoadKg) => Math.Clamp(weightKg / maxLoadKg, 0, 1);

    /// <summary>The fill of a valid reading; null when it carries no usable measure.</summary>
    public static FillMeasurement? Measure(BinReading reading, BinParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(parameters);
        double? weightLevel = reading.CargoWeightKg is { } kg && parameters.MaxLoadKg is { } max ? FromWeight(kg, max) : null;
        if (reading.DistanceCm is { } distance && parameters.DepthCm is { } depth)
            return new(FromDistance(distance, depth), FillSource.Ultrasonic, weightLevel);
        if (reading.FillingLevel is { } level)
            return new(Math.Clamp(level, 0, 1), FillSource.Reported, weightLevel);
        if (weightLevel is { } byWeight)
            return new(byWeight, FillSource.Weight, byWeight);
        return null;
    }

    /// <summary>Whether volume and weight contradict each other beyond any waste density.</summary>
    public static bool Disagree(FillMeasurement measurement, BinRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (measurement.Source == FillSource.Weight || measurement.WeightLevel is not { } weight)
            return false;
        return (measurement.Level <= options.EmptyByVolume && weight >= options.HeavyByWeight)
            || (measurement.Level >= options.FullByVolume && weight <= options.EmptyByWeight);
    }
}
