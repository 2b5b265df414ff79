namespace CityTwin.Contracts.Live;

/// <summary>
/// A district's live feed: what its twins, alerts and plans changed, as numbered events in a bounded buffer
/// kept by the district's activation. Readers long-poll <see cref="ReadFeed"/> with the last id they saw, so
/// delivery is an ordinary grain call and works from any silo or client of the cluster; nothing is pushed
/// to a reader that is not asking.
/// </summary>
[Alias("citytwin.IDistrictFeed")]
public interface IDistrictFeed : IGrainWithStringKey
{
    /// <summary>
    /// The events after <paramref name="afterId"/>, waiting up to <paramref name="wait"/> (at most
    /// <see cref="LiveFeeds.MaxWait"/>) for the first when there is none yet. A reader with no id (0) or one the
    /// buffer no longer reaches gets a <see cref="LiveFeedPage.Snapshot"/> first and the events after it.
    /// </summary>
    [Alias("ReadFeed"), AlwaysInterleave]
    Task<LiveFeedPage> ReadFeed(long afterId, TimeSpan wait);

    /// <summary>A collection plan (or another plan kept outside the district) changed.</summary>
    [Alias("PublishPlanChange"), OneWay]
    Task PublishPlanChange(LivePlanChange change);
}

public static class LiveFeeds
{
    /// <summary>Longest a read waits: well inside Orleans' default response timeout of 30 s.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);

    /// <summary>Most events one read returns; a reader further behind reads again at once.</summary>
    public const int MaxEventsPerRead = 500;

    public const string Twin = "twin";
    public const string Alert = "alert";
    public const string Plan = "plan";
    public const string Snapshot = "snapshot";
}
