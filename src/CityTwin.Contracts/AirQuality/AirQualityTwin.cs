namespace CityTwin.Contracts.AirQuality;

/// <summary>
/// An air-quality sensor as its twin sees it now. Latest values and the index carry FIWARE
/// AirQualityObserved names; pollutants are named pm25, pm10, no2, o3.
/// </summary>
/// <param name="RelativeHumidity">0..1, as FIWARE has it.</param>
/// <param name="AirQualityIndex">European Air Quality Index, 1 (good) .. 6 (extremely poor), of <paramref name="LevelHour"/>.</param>
/// <param name="AirQualityLevel">good, fair, moderate, poor, veryPoor or extremelyPoor; null when that hour had no data.</param>
/// <param name="DominantPollutant">The pollutant that set the level.</param>
/// <param name="LevelHour">Start of the completed hour whose hourly means the index describes.</param>
/// <param name="PoorAirAlert">The index reached poor and has not yet been better for long enough to clear.</param>
/// <param name="Pollutants">Per measured pollutant: its daily mean and drift against neighbours.</param>
/// <param name="History">Hourly means of the last 24 hours (the current one so far), oldest first; hours without data left out.</param>
[Immutable, GenerateSerializer, Alias("citytwin.AirQualityTwin")]
public sealed record AirQualityTwin(
    [property: Id(0)] string AssetId,
    [property: Id(1)] double? Pm25,
    [property: Id(2)] double? Pm10,
    [property: Id(3)] double? No2,
    [property: Id(4)] double? O3,
    [property: Id(5)] double? Temperature,
    [property: Id(6)] double? RelativeHumidity,
    [property: Id(7)] int? AirQualityIndex,
    [property: Id(8)] string? AirQualityLevel,
    [property: Id(9)] string? DominantPollutant,
    [property: Id(10)] DateTimeOffset? LevelHour,
    [property: Id(11)] bool PoorAirAlert,
    [property: Id(12)] DateTimeOffset? LastReadingAt,
    [property: Id(13)] IReadOnlyList<PollutantStatus> Pollutants,
    [property: Id(14)] IReadOnlyList<HourlyAirSample> History);

/// <param name="DailyMean">Mean of the last 24 hourly means, µg/m³; null with fewer than 18 hours of data.</param>
/// <param name="DriftSuspect">The sensor reads out of line with its neighbours for this pollutant.</param>
/// <param name="DriftRatio">Median ratio to the neighbours at the last conclusive assessment.</param>
[Immutable, GenerateSerializer, Alias("citytwin.PollutantStatus")]
public sealed record PollutantStatus(
    [property: Id(0)] string Pollutant,
    [property: Id(1)] double? DailyMean,
    [property: Id(2)] bool DriftSuspect,
    [property: Id(3)] double? DriftRatio);

/// <summary>Mean concentrations, µg/m³, of the readings taken in one clock hour (UTC).</summary>
[Immutable, GenerateSerializer, Alias("citytwin.HourlyAirSample")]
public sealed record HourlyAirSample(
    [property: Id(0)] DateTimeOffset Hour,
    [property: Id(1)] double? Pm25,
    [property: Id(2)] double? Pm10,
    [property: Id(3)] double? No2,
    [property: Id(4)] double? O3);
