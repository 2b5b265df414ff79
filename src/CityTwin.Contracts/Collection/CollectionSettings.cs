namespace CityTwin.Contracts.Collection;

/// <summary>How a district collects waste and plans it.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.CollectionSettings")]
public sealed record CollectionSettings(
    /// <summary>Weekly windows in the district's local time.</summary>
    [property: Id(0)] IReadOnlyList<CollectionWindowSetting> Windows,
    /// <summary>How long before a window starts its plan is made.</summary>
    [property: Id(1)] TimeSpan LeadTime,
    [property: Id(2)] TimeSpan SolverTimeLimit,
    /// <summary>Time at each bin: positioning, lift, compaction.</summary>
    [property: Id(3)] TimeSpan ServiceTimePerBin,
    /// <summary>Relative change of the remaining routes' travel time (0.25 = 25 %) that starts a re-plan.</summary>
    [property: Id(4)] double ReplanCostThreshold,
    /// <summary>How often the remaining cost is compared while a plan is under way.</summary>
    [property: Id(5)] TimeSpan ProgressCheckInterval)
{
    public static CollectionSettings Default(IReadOnlyList<CollectionWindowSetting> windows) =>
        new(windows, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), 0.25, TimeSpan.FromMinutes(5));
}

/// <summary>Every <see cref="Day"/> from <see cref="StartOfDay"/> (local time) for <see cref="Length"/>.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.CollectionWindowSetting")]
public sealed record CollectionWindowSetting(
    [property: Id(0)] DayOfWeek Day,
    [property: Id(1)] TimeSpan StartOfDay,
    [property: Id(2)] TimeSpan Length);
