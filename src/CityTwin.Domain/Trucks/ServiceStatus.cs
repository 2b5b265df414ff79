namespace CityTwin.Domain.Trucks;

/// <summary>FIWARE Vehicle <c>serviceStatus</c>.</summary>
public enum ServiceStatus
{
    Parked,
    OnRoute,
    Broken,
    /// <summary>Taken out of service by an operator; only an operator puts it back.</summary>
    OutOfService,
}
