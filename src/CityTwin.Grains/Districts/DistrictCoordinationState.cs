using CityTwin.Domain.Alerts;
using CityTwin.Domain.Lighting;

namespace CityTwin.Grains.Districts;

/// <summary>
/// What a district decides and must not forget over a restart: its alerts and maintenance windows, its
/// dimming policy and overrides, what it last sent each light, and its energy ledger. Stored as JSON
/// beside the roster under a state name of its own; add members only with defaults.
/// </summary>
public sealed class DistrictCoordinationState
{
    public AlertBook Alerts { get; set; } = new();

    public DimmingPolicyHistory Policy { get; set; } = new();

    public List<LightingOverride> Overrides { get; set; } = [];

    public LightCommandQueue Commands { get; set; } = new();

    public EnergyLedger Energy { get; set; } = new();

    /// <summary>Where the energy ledger has been recorded up to, and with what draw since then.</summary>
    public EnergyCursor? EnergyCursor { get; set; }
}

/// <param name="At">The ledger holds everything before this instant.</param>
/// <param name="Watts">The district's lights' draw from then on, as last reported.</param>
/// <param name="BaselineWatts">What the always-on-at-full baseline draws from then on (rated power while dark, else 0).</param>
public sealed record EnergyCursor(DateTimeOffset At, double Watts, double BaselineWatts);
