namespace CityTwin.Domain.Streetlights;

/// <summary>
/// The persisted twin of one streetlight. Reported attributes carry FIWARE Streetlight names; the rest is
/// ours: the desired level and its confirmation, fault debouncing, the energy meter and recent history.
/// </summary>
public sealed class StreetlightState
{
    public PowerState? PowerState { get; set; }

    /// <summary>Last level the node reported, 0..1.</summary>
    public double? IlluminanceLevel { get; set; }

    /// <summary>Last measured input power, W.</summary>
    public double? PowerConsumption { get; set; }

    public StreetlightStatus Status { get; set; }

    public double? AmbientLux { get; set; }

    public bool? PresenceDetected { get; set; }

    /// <summary>Level last commanded, 0..1; null until a command is issued.</summary>
    public double? DesiredLevel { get; set; }

    public DateTimeOffset? DesiredLevelIssuedAt { get; set; }

    /// <summary>The node has reported a level within tolerance of <see cref="DesiredLevel"/>.</summary>
    public bool DesiredLevelConfirmed { get; set; }

    public DateTimeOffset? LastReadingAt { get; set; }

    /// <summary>The fault the latest power measurements point at, and for how many readings in a row.</summary>
    public StreetlightStatus Symptom { get; set; }

    public int SymptomStreak { get; set; }

    /// <summary>Energy drawn since provisioning, kWh.</summary>
    public double EnergyUsedKwh { get; set; }

    /// <summary>Energy the same lit hours would have drawn at full level, kWh.</summary>
    public double FullPowerEnergyKwh { get; set; }

    /// <summary>Power at the previous reading (measured, else modelled), carried to the next integration.</summary>
    public double? MeterWatts { get; set; }

    public bool MeterLit { get; set; }

    public LightHistory History { get; set; } = new();
}
