namespace CityTwin.Routing.Solving;

/// <summary>The solver found no solution within its limits (time windows too tight, or too little time).</summary>
public sealed class RoutingFailedException(string message) : InvalidOperationException(message);
