using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Live;
using CityTwin.Domain.Alerts;
using CityTwin.Grains.Districts.Alerts;
using CityTwin.Grains.Districts.Feed;
using CityTwin.Grains.Twins;

namespace CityTwin.Grains.Districts;

/// <summary>
/// The live feed (<see cref="IDistrictFeed"/>): twin changes the district hears, alert changes and plan changes,
/// numbered in a <see cref="LiveFeedBuffer"/>. Readers long-poll; an event costs a small record that shares the
/// notification's own bands, and only while someone reads.
/// </summary>
public sealed partial class DistrictGrain
{
    private LiveFeedBuffer? feed;

    private LiveFeedBuffer Feed => feed ??= new LiveFeedBuffer(clock.Now);

    public async Task<LiveFeedPage> ReadFeed(long afterId, TimeSpan wait)
    {
        Feed.Touch();
        if (afterId == Feed.LatestId && wait > TimeSpan.Zero)
            await Feed.WaitForNextAsync(wait < LiveFeeds.MaxWait ? wait : LiveFeeds.MaxWait);
        if (!Feed.CanResumeFrom(afterId))
            return new LiveFeedPage(Feed.LatestId, Snapshot(), []);
        return new LiveFeedPage(Feed.LatestId, null, Feed.After(afterId, LiveFeeds.MaxEventsPerRead));
    }

    public Task PublishPlanChange(LivePlanChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Feed.TryNumber(out var id))
            Feed.Add(new LiveEvent(id, LiveFeeds.Plan, clock.Now, Plan: change));
        return Task.CompletedTask;
    }

    /// <summary>A notification that moved a twin's bands or carried a signal.</summary>
    private void FeedHears(AssetNotification notification)
    {
        if (notification.Picture is null && notification.Signals.Count == 0)
            return;
        if (Feed.TryNumber(out var id))
            Feed.Add(new LiveEvent(id, LiveFeeds.Twin, notification.At,
                Twin: new LiveTwinChange(notification.AssetId, notification.Kind, notification.Picture?.Bands, notification.Signals)));
    }

    private void FeedAlerts(IReadOnlyList<AlertNotice> notices)
    {
        foreach (var notice in notices)
            FeedAlert(JsonNames.Of(notice.Kind), notice.Alert, notice.At);
    }

    private void FeedAlert(string change, Alert alert, DateTimeOffset at)
    {
        if (Feed.TryNumber(out var id))
            Feed.Add(new LiveEvent(id, LiveFeeds.Alert, at, Alert: new LiveAlertChange(change, AlertViews.Of(alert))));
    }

    private void FeedAlertAcknowledged(long alertId)
    {
        if (Alerts.Active.Concat(Alerts.Cleared).FirstOrDefault(a => a.Id == alertId) is { } alert)
            FeedAlert("acknowledged", alert, clock.Now);
    }

    private void FeedDimming(int sent)
    {
        if (sent > 0)
            PublishPlanChange(new LivePlanChange("dimming", null, $"{sent} light(s) sent a new level"));
    }

    private LiveSnapshot Snapshot()
    {
        var empty = AssetPicture.Empty.Bands;
        return new LiveSnapshot(
            Feed.LatestId,
            clock.Now,
            DistrictPictureViews.Of(DistrictId, picture, activeConditions),
            [.. roster.State.Assets.Select(a => new LiveAssetState(a.Key, a.Value, picture.Of(a.Key)?.Bands ?? empty))],
            [.. Alerts.Active.OrderByDescending(a => a.LastSeenAt).Select(AlertViews.Of)]);
    }
}
