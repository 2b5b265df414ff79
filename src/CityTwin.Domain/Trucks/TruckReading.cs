namespace CityTwin.Domain.Trucks;

/// <summary>One report from a truck's telematics unit; names follow the FIWARE Vehicle model.</summary>
/// <param name="Latitude">GPS latitude, decimal degrees.</param>
/// <param name="Longitude">GPS longitude, decimal degrees.</param>
/// <param name="Speed">km/h.</param>
/// <param name="Heading">Degrees clockwise from true north.</param>
/// <param name="CargoWeight">Load from the on-board scale, kg, when the truck has one.</param>
/// <param name="ServiceStatus">What the vehicle says about itself, e.g. broken from its fault codes.</param>
/// <param name="Collection">A bin emptied since the previous report.</param>
public sealed record TruckReading(
    double Latitude,
    double Longitude,
    double Speed,
    double Heading,
    double? CargoWeight = null,
    ServiceStatus? ServiceStatus = null,
    CollectionEvent? Collection = null);
