using CityTwin.Contracts.Assets;

namespace CityTwin.Contracts.Districts;

/// <summary>
/// What a twin tells its district, as a silo's outbox delivers it in a batch (<see cref="IDistrictGrain.Deliver"/>):
/// an enrolment, a withdrawal or a notification, in the order the twin said them.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.DistrictMessage")]
public abstract record DistrictMessage([property: Id(0)] string AssetId);

/// <summary>
/// The asset belongs to the district (provisioned, moved there, its twin activated, or the district asked),
/// with its picture and the codes of its raised conditions now (see <see cref="IDistrictGrain.Enroll"/>).
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.AssetEnrolled")]
public sealed record AssetEnrolled(
    string AssetId,
    [property: Id(0)] AssetKind Kind,
    [property: Id(1)] DateTimeOffset Deadline,
    [property: Id(2)] AssetPicture? Picture,
    [property: Id(3)] IReadOnlyList<string>? Conditions = null,
    [property: Id(4)] GeoPoint? Location = null,
    [property: Id(5)] bool? Stale = null,
    [property: Id(6)] DateTimeOffset? At = null) : DistrictMessage(AssetId);

/// <summary>The asset left the district (moved away or decommissioned).</summary>
[Immutable, GenerateSerializer, Alias("citytwin.AssetWithdrawn")]
public sealed record AssetWithdrawn(string AssetId) : DistrictMessage(AssetId);

[Immutable, GenerateSerializer, Alias("citytwin.AssetNotified")]
public sealed record AssetNotified([property: Id(0)] AssetNotification Notification) : DistrictMessage(Notification.AssetId);
