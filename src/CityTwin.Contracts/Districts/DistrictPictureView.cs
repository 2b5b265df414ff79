namespace CityTwin.Contracts.Districts;

/// <summary>
/// A district's live picture as people ask for it, kept from its twins' notifications (no scan of its twins).
/// Each dictionary counts assets by a band's value (<see cref="PictureBands"/>).
/// </summary>
/// <param name="BinsNeedingCollection">Bins at or over their fullness threshold.</param>
/// <param name="SensorFaults">Active sensor-fault conditions (failed or suspect sensors, drift), by code.</param>
/// <param name="StaleDevices">Stale twins by kind (<c>bin</c>, <c>streetlight</c>, ...).</param>
/// <param name="LightsFailed">Lights with a lamp or column fault.</param>
/// <param name="LightsWatts">Power drawn by the district's lights as they last reported it, W.</param>
[Immutable, GenerateSerializer, Alias("citytwin.DistrictPictureView")]
public sealed record DistrictPictureView(
    [property: Id(0)] string DistrictId,
    [property: Id(1)] IReadOnlyDictionary<string, int> BinsByFill,
    [property: Id(2)] int BinsNeedingCollection,
    [property: Id(3)] IReadOnlyDictionary<string, int> SensorFaults,
    [property: Id(4)] IReadOnlyDictionary<string, int> StaleDevices,
    [property: Id(5)] IReadOnlyDictionary<string, int> LightsByPower,
    [property: Id(6)] int LightsFailed,
    [property: Id(7)] double LightsWatts,
    [property: Id(8)] IReadOnlyDictionary<string, int> IntersectionsByCongestion,
    [property: Id(9)] IReadOnlyDictionary<string, int> TrucksByStatus,
    [property: Id(10)] IReadOnlyDictionary<string, int> TrucksByLoad,
    [property: Id(11)] double TrucksCargoKg,
    [property: Id(12)] IReadOnlyDictionary<string, int> AirQualityByLevel);
