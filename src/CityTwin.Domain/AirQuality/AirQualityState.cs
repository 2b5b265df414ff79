namespace CityTwin.Domain.AirQuality;

/// <summary>
/// The persisted twin of one air-quality sensor. Latest values carry FIWARE AirQualityObserved names; the
/// hourly means behind the index and the drift checks are ours.
/// </summary>
public sealed class AirQualityState
{
    /// <summary>Latest reported concentrations, µg/m³.</summary>
    public double? Pm25 { get; set; }

    public double? Pm10 { get; set; }

    public double? No2 { get; set; }

    public double? O3 { get; set; }

    /// <summary>°C.</summary>
    public double? Temperature { get; set; }

    /// <summary>0..1, as FIWARE has it.</summary>
    public double? RelativeHumidity { get; set; }

    /// <summary>European Air Quality Index level of <see cref="LevelHour"/>; null when that hour had no data.</summary>
    public AirQualityLevel? AirQualityLevel { get; set; }

    /// <summary>The pollutant that set the level (the first in enum order on a tie).</summary>
    public Pollutant? DominantPollutant { get; set; }

    /// <summary>Start of the completed hour the level describes.</summary>
    public DateTimeOffset? LevelHour { get; set; }

    /// <summary>Start of the newest hour the hourly histories hold; null before the first reading.</summary>
    public DateTimeOffset? NewestHour { get; set; }

    public bool PoorAirAlert { get; set; }

    public DateTimeOffset? LastReadingAt { get; set; }

    public PollutantHistory Pm25Hourly { get; set; } = new();

    public PollutantHistory Pm10Hourly { get; set; } = new();

    public PollutantHistory No2Hourly { get; set; } = new();

    public PollutantHistory O3Hourly { get; set; } = new();

    internal PollutantHistory HourlyOf(Pollutant pollutant) => pollutant switch
    {
        Pollutant.Pm25 => Pm25Hourly,
        Pollutant.Pm10 => Pm10Hourly,
        Pollutant.No2 => No2Hourly,
        Pollutant.O3 => O3Hourly,
        _ => throw new ArgumentOutOfRangeException(nameof(pollutant), pollutant, "not measured"),
    };

    internal void SetLatest(Pollutant pollutant, double value)
    {
        switch (pollutant)
        {
            case Pollutant.Pm25: Pm25 = value; break;
            case Pollutant.Pm10: Pm10 = value; break;
            case Pollutant.No2: No2 = value; break;
            case Pollutant.O3: O3 = value; break;
        }
    }
}
