using CityTwin.Contracts.Trucks;

namespace CityTwin.Ingestion.Payloads;

/// <summary>A truck reading (FIWARE Vehicle names): a GPS fix, optionally load, status and a bin lift.</summary>
public sealed class TruckMessage : ReadingMessage
{
    public LocationMessage? Location { get; set; }
    /// <summary>km/h.</summary>
    public double? Speed { get; set; }
    /// <summary>Degrees clockwise from north.</summary>
    public double? Heading { get; set; }
    /// <summary>kg.</summary>
    public double? CargoWeight { get; set; }
    /// <summary>parked, onRoute or broken.</summary>
    public TruckServiceStatus? ServiceStatus { get; set; }
    public CollectionMessage? Collection { get; set; }

    protected override void ValidateFields(FieldErrors errors)
    {
        errors.Require("location", Location);
        errors.Require("speed", Speed);
        errors.Require("heading", Heading);
        if (Location is not null)
        {
            var at = errors.Under("location");
            at.Require("latitude", Location.Latitude);
            at.Require("longitude", Location.Longitude);
            at.Range("latitude", Location.Latitude, -90, 90);
            at.Range("longitude", Location.Longitude, -180, 180);
        }
        errors.Range("speed", Speed, 0, 200);
        errors.Range("heading", Heading, 0, 360);
        errors.Range("cargoWeight", CargoWeight, 0, 100_000);
        errors.Enum("serviceStatus", ServiceStatus);
        if (Collection is not null)
        {
            var at = errors.Under("collection");
            at.Require("collectionId", Collection.CollectionId);
            at.Require("binId", Collection.BinId);
            at.Require("weight", Collection.Weight);
            at.Range("weight", Collection.Weight, 0, 5_000);
        }
    }

    public override object ToTelemetry() => new TruckTelemetry(
        new GeoPoint(Location!.Latitude!.Value, Location.Longitude!.Value),
        Speed!.Value,
        Heading!.Value,
        CargoWeight,
        ServiceStatus,
        Collection is null ? null : new TruckCollection(Collection.CollectionId!, Collection.BinId!, Collection.Weight!.Value));
}

public sealed class LocationMessage
{
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}

public sealed class CollectionMessage
{
    public string? CollectionId { get; set; }
    public string? BinId { get; set; }
    /// <summary>kg lifted.</summary>
    public double? Weight { get; set; }
}
