using CityTwin.Contracts.Districts;
using CityTwin.Domain.Lighting;
using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Districts.Lighting;

/// <summary>The domain's dimming policy and overrides as the district contract carries them.</summary>
public static class PolicyMapping
{
    public static DimmingPolicySettings ToSettings(DimmingPolicy policy) => new(
        policy.Version,
        policy.ChangedBy,
        policy.ChangedAt,
        policy.ChangeNote,
        JsonNames.Of(policy.Horizon),
        policy.FullLevel,
        policy.TrafficLevel,
        policy.DimmedLevel,
        policy.SafetyMinimumLevel,
        policy.FailedNeighbourLevel,
        policy.LowTrafficPerHour,
        policy.PresenceHold,
        policy.ReactionTime,
        policy.MaxCommandsPerSecond);

    /// <summary>Null when the horizon is not one of ours; the caller reports it.</summary>
    public static DimmingPolicy? ToPolicy(string districtId, DimmingPolicySettings settings)
    {
        SunHorizon? horizon = settings.Horizon switch
        {
            "standard" => SunHorizon.Standard,
            "civilTwilight" => SunHorizon.CivilTwilight,
            _ => null,
        };
        return horizon is null ? null : new DimmingPolicy
        {
            DistrictId = districtId,
            Horizon = horizon.Value,
            FullLevel = settings.FullLevel,
            TrafficLevel = settings.TrafficLevel,
            DimmedLevel = settings.DimmedLevel,
            SafetyMinimumLevel = settings.SafetyMinimumLevel,
            FailedNeighbourLevel = settings.FailedNeighbourLevel,
            LowTrafficPerHour = settings.LowTrafficPerHour,
            PresenceHold = settings.PresenceHold,
            ReactionTime = settings.ReactionTime,
            MaxCommandsPerSecond = settings.MaxCommandsPerSecond,
        };
    }

    public static LightingOverride ToOverride(LightingOverrideRequest request, DateTimeOffset setAt) =>
        new(request.Id, request.LightId, request.Level, request.From, request.Until, request.SetBy, setAt, request.Reason);

    public static LightingOverrideRequest ToRequest(LightingOverride order) =>
        new(order.Id, order.LightId, order.Level, order.From, order.Until, order.SetBy, order.Reason);
}
