using CityTwin.Domain.Common;
using static System.FormattableString;

namespace CityTwin.Domain.Trucks;

/// <summary>What makes truck parameters, readings and route assignments acceptable.</summary>
public static class TruckValidation
{
    /// <summary>
    /// From a 100 kg cargo bike emptying litter bins to the heaviest road combination: Council Directive
    /// 96/53/EC caps gross vehicle weight at 40 t (44 t intermodal), so no payload is above 40 000 kg.
    /// </summary>
    public const double MinCapacityKg = 100, MaxCapacityKg = 40_000;

    /// <summary>
    /// A reported load above capacity × this factor is a scale fault, not an overloaded truck: axle-load
    /// enforcement tolerates a few percent, never 20.
    /// </summary>
    public const double MaxLoadFactor = 1.2;

    /// <summary>Well above any refuse truck's top speed; larger values are GPS jumps.</summary>
    public const double MaxSpeedKmh = 200;

    public const int MaxIdLength = 64;

    /// <summary>
    /// More lifts than any shift holds (an 8-hour shift at 60 s a lift is 480, before driving), so every route the
    /// planner makes fits; the cap keeps a truck's state bounded (about 100 bytes a stop).
    /// </summary>
    public const int MaxRouteStops = 500;

    public static IReadOnlyList<RuleViolation> Validate(TruckParameters parameters)
    {
        var violations = new List<RuleViolation>();
        CheckRange(violations, "capacity", parameters.CapacityKg, MinCapacityKg, MaxCapacityKg, " kg");
        CheckPosition(violations, "depot", parameters.DepotLatitude, parameters.DepotLongitude);
        CheckRange(violations, "depotRadius", parameters.DepotRadiusMetres, 10, 5000, " m");
        if (parameters.BrokenAfterStationary < TimeSpan.FromMinutes(5) || parameters.BrokenAfterStationary > TimeSpan.FromHours(12))
            violations.Add(new("brokenAfterStationary", Invariant($"{parameters.BrokenAfterStationary} is outside 00:05:00..12:00:00")));
        return violations;
    }

    public static IReadOnlyList<RuleViolation> Validate(TruckReading reading, TruckParameters parameters)
    {
        var violations = new List<RuleViolation>();
        CheckPosition(violations, "location", reading.Latitude, reading.Longitude);
        CheckRange(violations, "speed", reading.Speed, 0, MaxSpeedKmh, " km/h");
        // FIWARE says 0 <= heading < 360; 360 is accepted as north because devices send it.
        CheckRange(violations, "heading", reading.Heading, 0, 360, "°");
        if (reading.CargoWeight is { } cargo)
        {
            var max = parameters.CapacityKg * MaxLoadFactor;
            if (!double.IsFinite(cargo) || cargo < 0)
                violations.Add(new("cargoWeight", Invariant($"{cargo} is outside 0..{max} kg")));
            else if (cargo > max)
                violations.Add(new("cargoWeight", Invariant($"{cargo} is outside 0..{max} kg: more than {MaxLoadFactor:0%} of the {parameters.CapacityKg} kg capacity is a scale fault")));
        }
        if (reading.ServiceStatus is ServiceStatus.OutOfService)
            violations.Add(new("serviceStatus", "outOfService is set by an operator, not reported by the vehicle"));
        else if (reading.ServiceStatus is { } status && !Enum.IsDefined(status))
            violations.Add(new("serviceStatus", Invariant($"{(int)status} is not parked, onRoute or broken")));
        if (reading.Collection is { } collection)
        {
            CheckId(violations, "collection.collectionId", collection.CollectionId);
            CheckId(violations, "collection.binId", collection.BinId);
            CheckRange(violations, "collection.weight", collection.WeightKg, 0, parameters.CapacityKg, " kg");
        }
        return violations;
    }

    public static IReadOnlyList<RuleViolation> Validate(RouteAssignment assignment)
    {
        var violations = new List<RuleViolation>();
        CheckId(violations, "planId", assignment.PlanId);
        if (assignment.Stops.Count is 0 or > MaxRouteStops)
            violations.Add(new("stops", Invariant($"{assignment.Stops.Count} stops is outside 1..{MaxRouteStops}")));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < assignment.Stops.Count; i++)
        {
            var stop = assignment.Stops[i];
            CheckId(violations, Invariant($"stops[{i}].binId"), stop.BinId);
            if (!string.IsNullOrEmpty(stop.BinId) && !seen.Add(stop.BinId))
                violations.Add(new(Invariant($"stops[{i}].binId"), $"'{stop.BinId}' appears twice; a bin is one stop"));
            CheckPosition(violations, Invariant($"stops[{i}]"), stop.Latitude, stop.Longitude);
        }
        return violations;
    }

    private static void CheckPosition(List<RuleViolation> violations, string field, double latitude, double longitude)
    {
        CheckRange(violations, field + ".latitude", latitude, -90, 90, "");
        CheckRange(violations, field + ".longitude", longitude, -180, 180, "");
        // 0,0 is what GPS receivers report without a fix; no truck drives in the Gulf of Guinea.
        if (latitude == 0 && longitude == 0)
            violations.Add(new(field, "0,0 is a GPS receiver without a fix"));
    }

    private static void CheckId(List<RuleViolation> violations, string field, string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            violations.Add(new(field, "is required"));
        else if (id.Length > MaxIdLength)
            violations.Add(new(field, Invariant($"must be at most {MaxIdLength} characters")));
    }

    private static void CheckRange(List<RuleViolation> violations, string field, double value, double min, double max, string unit)
    {
        if (!double.IsFinite(value) || value < min || value > max)
            violations.Add(new(field, Invariant($"{value} is outside {min}..{max}{unit}")));
    }
}
