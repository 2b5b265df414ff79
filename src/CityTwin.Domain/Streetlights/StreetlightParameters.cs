namespace CityTwin.Domain.Streetlights;

/// <summary>
/// Provisioning data of one streetlight; <see cref="StreetlightValidation.Validate(StreetlightParameters)"/>
/// gives the allowed ranges. The rules assume parameters that passed validation.
/// </summary>
public sealed class StreetlightParameters
{
    /// <summary>Input power of the lamp at full level, W.</summary>
    public double RatedPowerWatts { get; set; }

    /// <summary>What the node and driver draw with the lamp off, W.</summary>
    public double StandbyPowerWatts { get; set; }

    /// <summary>
    /// Allowed deviation of measured from expected power, as a fraction of the expected power
    /// (never less than <see cref="LampPowerModel.MinimumSlackFraction"/> of rated power).
    /// </summary>
    public double PowerTolerance { get; set; } = 0.15;

    /// <summary>
    /// How far a reported level may be from the desired one and still confirm it (0..1 scale). Dimming
    /// interfaces quantise: DALI has 254 logarithmic steps, 1-10 V drivers drift by a few percent.
    /// </summary>
    public double LevelTolerance { get; set; } = 0.05;

    /// <summary>Consecutive readings that must agree before a fault is raised or cleared.</summary>
    public int FaultConfirmationReadings { get; set; } = 3;

    /// <summary>How often the node is expected to report.</summary>
    public TimeSpan ReportingInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A gap between readings longer than this many reporting intervals is not integrated in full: the last
    /// power is held for this many intervals and the rest of the gap counts as unknown.
    /// </summary>
    public int MaxGapIntervals { get; set; } = 4;
}
