using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Live;

namespace CityTwin.Contracts.Districts;

/// <summary>
/// A district, keyed by district id. Twins enrol in it, tell it their significant changes, and it
/// keeps live counts and the staleness deadlines of all its assets (one index, no timer per twin).
/// What twins send is one-way: a twin never waits on its district, so the two cannot deadlock when
/// the district's sweep calls a twin that is itself telling the district something. Alerts and lighting
/// have contracts of their own (<see cref="IDistrictAlerts"/>, <see cref="IDistrictLighting"/>).
/// </summary>
[Alias("citytwin.IDistrictGrain")]
public interface IDistrictGrain : IDistrictAlerts, IDistrictLighting, IDistrictAssetIndex, IDistrictFeed
{
    /// <summary>
    /// Adds an asset (or updates its kind); its staleness is watched from <paramref name="deadline"/>. A twin
    /// enrols each time it activates (or the district asks it to), with its <paramref name="picture"/> and the
    /// codes of its raised <paramref name="conditions"/> now, which rebuilds what a district lost; its provisioned
    /// <paramref name="location"/> and whether it is <paramref name="stale"/> (null: not said) feed the asset
    /// index's filters (<see cref="IDistrictAssetIndex"/>). <paramref name="at"/> is the twin's time of enrolment:
    /// a picture older than one already heard is not taken.
    /// </summary>
    [Alias("Enroll"), OneWay]
    Task Enroll(string assetId, AssetKind kind, DateTimeOffset deadline, AssetPicture? picture, IReadOnlyList<string>? conditions = null, GeoPoint? location = null, bool? stale = null, DateTimeOffset? at = null);

    [Alias("Withdraw"), OneWay]
    Task Withdraw(string assetId);

    [Alias("Notify"), OneWay]
    Task Notify(AssetNotification notification);

    /// <summary>
    /// A silo's outbox delivers its twins' enrolments, withdrawals and notifications in batches, in the order
    /// each twin said them; a picture that moved twice while a batch was in flight arrives once, as it is now.
    /// </summary>
    [Alias("Deliver")]
    Task Deliver(IReadOnlyList<DistrictMessage> messages);

    [Alias("GetCounts"), AlwaysInterleave]
    Task<DistrictCounts> GetCounts();

    /// <summary>The live aggregates by band: bins, lights, intersections, trucks, air quality.</summary>
    [Alias("GetPicture"), AlwaysInterleave]
    Task<DistrictPictureView> GetPicture();

    /// <summary>Runs the staleness sweep now (a grain timer also runs it); returns how many twins were asked.</summary>
    [Alias("SweepStaleness")]
    Task<int> SweepStaleness();
}

/// <summary>A district's live picture, kept from notifications (no scan of its twins).</summary>
/// <param name="SignalNotifications">Notifications that carried a signal (the rest only moved a twin's picture bands).</param>
[Immutable, GenerateSerializer, Alias("citytwin.DistrictCounts")]
public sealed record DistrictCounts(
    [property: Id(0)] string DistrictId,
    [property: Id(1)] IReadOnlyDictionary<AssetKind, int> Assets,
    [property: Id(2)] IReadOnlyDictionary<string, int> ActiveConditions,
    [property: Id(3)] long NotificationsReceived,
    [property: Id(4)] int WatchedDeadlines,
    [property: Id(5)] long SignalNotifications = 0);
