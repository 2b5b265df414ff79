namespace CityTwin.Domain.Trucks;

/// <summary>
/// Provisioning data of one collection truck; <see cref="TruckValidation.Validate(TruckParameters)"/> gives
/// the allowed ranges. The rules assume parameters that passed validation.
/// </summary>
public sealed class TruckParameters
{
    /// <summary>Payload the truck may carry, kg.</summary>
    public double CapacityKg { get; set; }

    public double DepotLatitude { get; set; }

    public double DepotLongitude { get; set; }

    /// <summary>A truck within this distance of the depot point is at the depot.</summary>
    public double DepotRadiusMetres { get; set; } = 200;

    /// <summary>
    /// How long a truck with stops left may stand still away from the depot before it counts as broken down.
    /// EU drivers must take a 45-minute break after 4.5 hours of driving (Regulation (EC) No 561/2006,
    /// Article 7), so the default leaves room for that break plus a slow lift.
    /// </summary>
    public TimeSpan BrokenAfterStationary { get; set; } = TimeSpan.FromMinutes(60);
}
