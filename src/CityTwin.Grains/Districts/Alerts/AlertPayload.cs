using System.Text.Json;
using System.Text.Json.Serialization;
using CityTwin.Contracts.Districts;
using CityTwin.Domain.Alerts;
using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Districts.Alerts;

/// <summary>
/// What a webhook receives: one notice (<c>raised</c>, <c>escalated</c>, <c>cleared</c>) with a snapshot of the
/// alert. <see cref="DeliveryId"/> is the same for every try of the same notice, so a receiver can drop a repeat.
/// </summary>
public sealed record AlertPayload(string DeliveryId, string DistrictId, string Notice, DateTimeOffset At, AlertView Alert)
{
    public static AlertPayload From(string districtId, AlertNotice notice) => new(
        $"{districtId}/{notice.Alert.Id}/{JsonNames.Of(notice.Kind)}/{notice.Alert.Escalations}",
        districtId,
        JsonNames.Of(notice.Kind),
        notice.At,
        AlertViews.Of(notice.Alert));
}

public static class AlertViews
{
    public static AlertView Of(Alert alert) => new(
        alert.Id,
        alert.AssetId,
        JsonNames.Of(alert.Type),
        JsonNames.Of(alert.Severity),
        alert.FirstSeenAt,
        alert.LastSeenAt,
        alert.Occurrences,
        alert.Detail,
        alert.ClearedAt,
        alert.NotifiedAt,
        alert.AcknowledgedAt,
        alert.AcknowledgedBy,
        alert.Escalations);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AlertPayload))]
internal sealed partial class AlertPayloadJson : JsonSerializerContext;
