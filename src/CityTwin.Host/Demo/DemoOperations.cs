using CityTwin.Contracts.Collection;
using CityTwin.Contracts.Districts;
using CityTwin.Domain.Lighting;
using CityTwin.Grains.Districts.Lighting;
using CityTwin.Simulator.City;

namespace CityTwin.Host.Demo;

/// <summary>
/// What an operations team sets up on its first day, done for the demo's districts once they are provisioned:
/// the default dimming policy and two daily collection windows, so the districts dim lights and send trucks
/// planned routes (commands the simulated devices obey) instead of leaving them on their fixed rounds.
/// </summary>
public static class DemoOperations
{
    public const string SetBy = "demo";

    /// <summary>
    /// Morning and afternoon rounds in local time. Each plan is made 30 minutes before its window, so with the
    /// default start (06:30) and time factor (60) the first plan arrives about a minute after provisioning.
    /// </summary>
    public static IReadOnlyList<CollectionWindowSetting> Windows { get; } =
    [
        .. Enum.GetValues<DayOfWeek>().SelectMany(day => new[]
        {
            new CollectionWindowSetting(day, new TimeSpan(7, 30, 0), TimeSpan.FromHours(4)),
            new CollectionWindowSetting(day, new TimeSpan(14, 0, 0), TimeSpan.FromHours(4)),
        }),
    ];

    /// <exception cref="InvalidOperationException">A district refused the policy or the windows; says which and why.</exception>
    public static async Task ApplyAsync(IGrainFactory grains, SimulatedCity city)
    {
        foreach (var district in city.Districts)
        {
            var policy = PolicyMapping.ToSettings(new DimmingPolicy { DistrictId = district.Id });
            var revised = await grains.GetGrain<IDistrictGrain>(district.Id)
                .ReviseDimmingPolicy(policy, SetBy, "the demo's first-day policy: the defaults");
            if (!revised.Accepted)
                throw new InvalidOperationException($"district '{district.Id}' refused the dimming policy: {Describe(revised)}");
            var configured = await grains.GetGrain<ICollectionPlannerGrain>(district.Id).Configure(CollectionSettings.Default(Windows));
            if (!configured.Accepted)
                throw new InvalidOperationException($"district '{district.Id}' refused the collection windows: {Describe(configured)}");
        }
    }

    private static string Describe(Contracts.Common.CommandResult result) =>
        string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"));
}
