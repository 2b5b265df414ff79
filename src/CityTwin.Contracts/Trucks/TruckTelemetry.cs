using CityTwin.Contracts.Assets;

namespace CityTwin.Contracts.Trucks;

/// <summary>FIWARE Vehicle <c>serviceStatus</c>. A vehicle reports parked, onRoute or broken; outOfService is an operator's.</summary>
[GenerateSerializer, Alias("citytwin.TruckServiceStatus")]
public enum TruckServiceStatus
{
    Parked,
    OnRoute,
    Broken,
    OutOfService,
}

/// <summary>
/// One truck reading (FIWARE Vehicle attribute names). Position, speed and heading come with every GPS
/// fix; the load only from trucks with an on-board scale, the status only when the vehicle has one to say.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.TruckTelemetry")]
public sealed record TruckTelemetry(
    [property: Id(0)] GeoPoint Location,
    /// <summary>km/h.</summary>
    [property: Id(1)] double Speed,
    /// <summary>Degrees clockwise from true north.</summary>
    [property: Id(2)] double Heading,
    /// <summary>kg, from the on-board scale.</summary>
    [property: Id(3)] double? CargoWeight = null,
    [property: Id(4)] TruckServiceStatus? ServiceStatus = null,
    /// <summary>A bin emptied since the previous reading.</summary>
    [property: Id(5)] TruckCollection? Collection = null);

/// <summary>
/// One lift of a bin. <see cref="CollectionId"/> is unique per lift, so a lift repeated in later readings
/// empties the bin once.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.TruckCollection")]
public sealed record TruckCollection(
    [property: Id(0)] string CollectionId,
    [property: Id(1)] string BinId,
    /// <summary>kg lifted, from the lifter's load cell.</summary>
    [property: Id(2)] double Weight);
