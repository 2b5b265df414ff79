using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Devices;

namespace CityTwin.Ingestion.External;

/// <summary>
/// The dynamic-security roles of External mode: one role per device and per gateway, holding exactly
/// its own topics, and the host's role. Everything else is denied by the plugin's defaults (publish
/// and subscribe deny), so a device cannot use wildcards, $SYS or another district.
/// </summary>
public static class DeviceAclTemplate
{
    public const string RolePrefix = "citytwin-";
    public const string HostRoleName = RolePrefix + "host";
    public const string DefaultShareGroup = "citytwin";

    public static string DeviceRoleName(string deviceId) => RolePrefix + "device-" + Segment(deviceId, nameof(deviceId));

    public static string GatewayRoleName(string gatewayId) => RolePrefix + "gateway-" + Segment(gatewayId, nameof(gatewayId));

    /// <summary>A device reporting for one asset: publishes the asset's telemetry and status, subscribes to its command topic.</summary>
    public static DynamicSecurityRole Device(string deviceId, string districtId, AssetKind kind, string assetId) =>
        new(DeviceRoleName(deviceId), AssetAcls(districtId, kind, assetId));

    /// <summary>The role a device's or gateway's access calls for: a device's assets' topics, or a gateway's.</summary>
    public static DynamicSecurityRole For(DeviceAccess access) => access.Role == DeviceRole.Gateway
        ? Gateway(access.DeviceId, access.GatewayDistrictId ?? "", access.Assets.Select(a => (a.Kind, a.AssetId)))
        : new(DeviceRoleName(access.DeviceId), [.. access.Assets.SelectMany(a => AssetAcls(a.DistrictId, a.Kind, a.AssetId))]);

    public static string RoleNameFor(DeviceAccess access) =>
        access.Role == DeviceRole.Gateway ? GatewayRoleName(access.DeviceId) : DeviceRoleName(access.DeviceId);

    private static List<TopicAcl> AssetAcls(string districtId, AssetKind kind, string assetId)
    {
        var asset = AssetTopic(districtId, kind.Segment(), assetId);
        return
        [
            new(AclType.PublishClientSend, asset + "/telemetry"),
            new(AclType.PublishClientSend, asset + "/status"),
            new(AclType.SubscribeLiteral, asset + "/command"),
        ];
    }

    public static DynamicSecurityRole Device(AssetProvision provision) =>
        Device(provision.DeviceId, provision.DistrictId, provision.Kind, provision.AssetId);

    /// <summary>
    /// A gateway: publishes its batch topic and status, the single-reading topics of the assets it
    /// speaks for (all in its district), and subscribes to its command topic and to its own result
    /// topic (the one the host sends batch results to).
    /// </summary>
    public static DynamicSecurityRole Gateway(string gatewayId, string districtId, IEnumerable<(AssetKind Kind, string AssetId)> assets)
    {
        var gateway = AssetTopic(districtId, "gateway", gatewayId);
        List<TopicAcl> acls =
        [
            new(AclType.PublishClientSend, gateway + "/telemetry"),
            new(AclType.PublishClientSend, gateway + "/status"),
            new(AclType.SubscribeLiteral, gateway + "/command"),
            new(AclType.SubscribeLiteral, Security.TopicAcl.ResultTopic(districtId, gatewayId)),
        ];
        acls.AddRange(assets.Select(a => new TopicAcl(AclType.PublishClientSend, AssetTopic(districtId, a.Kind.Segment(), a.AssetId) + "/telemetry")));
        return new(GatewayRoleName(gatewayId), acls);
    }

    /// <summary>
    /// The host: takes every device's telemetry and status through one shared subscription per
    /// topic (so several silos split the load), publishes commands to any device or gateway, and
    /// batch results to any gateway's result topic.
    /// </summary>
    public static DynamicSecurityRole Host(string shareGroup = DefaultShareGroup) =>
        new(HostRoleName,
        [
            new(AclType.SubscribeLiteral, HostTelemetrySubscription(shareGroup)),
            new(AclType.SubscribeLiteral, HostStatusSubscription(shareGroup)),
            new(AclType.PublishClientReceive, "city/#"),
            new(AclType.PublishClientSend, "city/+/+/+/command"),
            new(AclType.PublishClientSend, Security.TopicAcl.ResultTopic("+", "+")),
        ]);

    /// <summary>Single readings and gateway batches alike: city/{district}/{kind or 'gateway'}/{id}/telemetry.</summary>
    public static string HostTelemetrySubscription(string shareGroup = DefaultShareGroup) =>
        $"$share/{Segment(shareGroup, nameof(shareGroup))}/city/+/+/+/telemetry";

    public static string HostStatusSubscription(string shareGroup = DefaultShareGroup) =>
        $"$share/{Segment(shareGroup, nameof(shareGroup))}/city/+/+/+/status";

    private static string AssetTopic(string districtId, string kindSegment, string id) =>
        $"city/{Segment(districtId, nameof(districtId))}/{kindSegment}/{Segment(id, "id")}";

    /// <summary>
    /// Ids become topic levels of an ACL, so a '/', '+' or '#' in one would widen what it grants.
    /// Provisioning checks ids fully (Identifiers); this refuses only what would be unsafe here.
    /// </summary>
    private static string Segment(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || value.AsSpan().IndexOfAny("/+#\0") >= 0 || value.StartsWith('$'))
            throw new ArgumentException($"'{value}' cannot be an MQTT topic level (empty, or contains '/', '+', '#' or a leading '$')", name);
        return value;
    }
}
