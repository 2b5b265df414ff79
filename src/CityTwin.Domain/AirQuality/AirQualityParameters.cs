namespace CityTwin.Domain.AirQuality;

/// <summary>
/// Provisioning data of one air-quality sensor; <see cref="AirQualityValidation.Validate(AirQualityParameters)"/>
/// gives the allowed ranges. The rules assume parameters that passed validation.
/// </summary>
public sealed class AirQualityParameters
{
    /// <summary>What the sensor is fitted to measure; readings of anything else are refused.</summary>
    public Pollutant[] MeasuredPollutants { get; set; } = [];

    /// <summary>
    /// A poor-air alert clears only after this many consecutive completed hours below poor, so air that
    /// swings between moderate and poor from hour to hour keeps one alert instead of a series of them.
    /// </summary>
    public int PoorAirClearHours { get; set; } = 2;
}
