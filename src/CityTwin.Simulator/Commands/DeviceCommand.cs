namespace CityTwin.Simulator.Commands;

/// <summary>A command as a device reads it off its (or its gateway's) command topic: see docs/mqtt.md.</summary>
public abstract record DeviceCommand(string Name, string AssetId, DateTimeOffset IssuedAt);

/// <summary><c>setLevel</c>: a streetlight burns at <paramref name="Level"/> (0..1) until told otherwise.</summary>
public sealed record SetLevelCommand(string AssetId, DateTimeOffset IssuedAt, double Level)
    : DeviceCommand(Names.SetLevel, AssetId, IssuedAt);

/// <summary><c>assignRoute</c>: a truck drives these stops in order; stops marked done are already collected.</summary>
public sealed record AssignRouteCommand(string AssetId, DateTimeOffset IssuedAt, string PlanId, IReadOnlyList<PlannedStop> Stops)
    : DeviceCommand(Names.AssignRoute, AssetId, IssuedAt);

/// <summary><c>releaseRoute</c>: the planner takes the named plan's route back; the truck returns to its fixed schedule.</summary>
public sealed record ReleaseRouteCommand(string AssetId, DateTimeOffset IssuedAt, string PlanId)
    : DeviceCommand(Names.ReleaseRoute, AssetId, IssuedAt);

public sealed record PlannedStop(string BinId, double Latitude, double Longitude, bool Done);

/// <summary>What a device made of a command: applied, or ignored with the reason (for the journal).</summary>
public sealed record CommandOutcome(bool Applied, string What)
{
    public static CommandOutcome Done(string what) => new(true, what);

    public static CommandOutcome Ignored(string why) => new(false, why);
}

public static class Names
{
    public const string SetLevel = "setLevel";
    public const string AssignRoute = "assignRoute";
    public const string ReleaseRoute = "releaseRoute";
}
