using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Telemetry;

namespace CityTwin.Contracts.AirQuality;

/// <summary>
/// An air-quality sensor's twin. A reading counts in the clock hour of its device time; the index is that
/// of the last completed hour. Drift is judged against neighbours by the district, which fetches their
/// <see cref="GetHourlyMeans"/> and hands them to <see cref="ApplyDriftAssessment"/>.
/// </summary>
[Alias("citytwin.IAirQualityGrain")]
public interface IAirQualityGrain : IAssetTwinGrain
{
    [Alias("Report")]
    Task<ReadingResult> Report(DeviceStamp stamp, AirQualityTelemetry reading);

    [Alias("GetTwin"), AlwaysInterleave]
    Task<AirQualityTwin?> GetTwin();

    /// <summary>
    /// The hourly means, µg/m³, of the 24 completed hours ending with the hour before the current one,
    /// oldest first, null where the sensor has no value; every sensor asked within the same hour returns
    /// series aligned on the same hours. <paramref name="pollutant"/> is pm25, pm10, no2 or o3.
    /// </summary>
    [Alias("GetHourlyMeans"), AlwaysInterleave]
    Task<IReadOnlyList<double?>> GetHourlyMeans(string pollutant);

    /// <summary>
    /// Compares this sensor's hourly means of <paramref name="pollutant"/> with its neighbours', each series
    /// as <see cref="GetHourlyMeans"/> returned it in the same hour, and raises or clears the drift
    /// suspicion (written through). Too few common hours change nothing.
    /// </summary>
    [Alias("ApplyDriftAssessment")]
    Task<CommandResult> ApplyDriftAssessment(string pollutant, IReadOnlyList<IReadOnlyList<double?>> neighbourHourlyMeans);
}
