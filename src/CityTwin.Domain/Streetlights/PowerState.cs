namespace CityTwin.Domain.Streetlights;

/// <summary>FIWARE Streetlight <c>powerState</c>.</summary>
public enum PowerState
{
    On,
    Off,
    /// <summary>Lit below full level (dimmed).</summary>
    Low,
    BootingUp,
}
