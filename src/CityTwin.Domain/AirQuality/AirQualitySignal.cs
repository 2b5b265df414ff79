namespace CityTwin.Domain.AirQuality;

/// <summary>A change the district should hear about, raised (<paramref name="Raised"/>) or cleared.</summary>
/// <param name="Pollutant">The pollutant a drift signal is about; null for poor air.</param>
public sealed record AirQualitySignal(string Code, bool Raised, Pollutant? Pollutant = null)
{
    /// <summary>The index reached poor or worse.</summary>
    public const string PoorAir = "poorAir";

    /// <summary>The sensor reads out of line with its neighbours.</summary>
    public const string Drift = "drift";
}
