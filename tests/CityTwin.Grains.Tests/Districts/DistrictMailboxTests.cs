using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Districts;
using CityTwin.Grains.Districts.Delivery;

namespace CityTwin.Grains.Tests.Districts;

public class DistrictMailboxTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static AssetPicture Fill(string band) => new(new Dictionary<string, string> { [PictureBands.Fill] = band }, new Dictionary<string, double>());

    private static AssetNotified Moved(string asset, string band, int minute, DateTimeOffset? deadline = null) =>
        new(new AssetNotification(asset, AssetKind.Bin, T0.AddMinutes(minute), [], deadline, Fill(band)));

    private static AssetNotified Signal(string asset, int minute) =>
        new(new AssetNotification(asset, AssetKind.Bin, T0.AddMinutes(minute), [new DistrictSignal(SignalKind.FaultRaised, "sensor.failed", null)]));

    [Fact]
    public void Pictures_of_one_asset_coalesce_to_the_latest_while_other_assets_keep_theirs()
    {
        var mailbox = new DistrictMailbox();
        for (var minute = 0; minute < 100; minute++)
        {
            mailbox.Add(Moved("a", minute % 2 == 0 ? "0-25" : "25-50", minute));
            mailbox.Add(Moved("b", "50-75", minute));
        }

        var batch = mailbox.TakeAll();

        Assert.Equal(2, batch.Count);
        var a = Assert.IsType<AssetNotified>(batch[0]).Notification;
        Assert.Equal("25-50", a.Picture!.Band(PictureBands.Fill));
        Assert.Equal(T0.AddMinutes(99), a.At);
        Assert.Equal("b", batch[1].AssetId);
        Assert.Equal(0, mailbox.Count);
    }

    [Fact]
    public void Taking_part_of_the_mailbox_keeps_the_rest_in_order_and_still_coalescing()
    {
        var mailbox = new DistrictMailbox();
        mailbox.Add(Moved("a", "0-25", 0));
        mailbox.Add(Moved("b", "0-25", 1));
        mailbox.Add(Signal("c", 2));
        mailbox.Add(Moved("d", "0-25", 3));

        var first = mailbox.Take(2);
        // b's picture left with the first batch: its next one waits as a message of its own; d's merges.
        mailbox.Add(Moved("b", "25-50", 4));
        mailbox.Add(Moved("d", "50-75", 5));

        Assert.Equal(["a", "b"], first.Select(m => m.AssetId));
        var rest = mailbox.TakeAll();
        Assert.Equal(["c", "d", "b"], rest.Select(m => m.AssetId));
        Assert.Equal("50-75", Assert.IsType<AssetNotified>(rest[1]).Notification.Picture!.Band(PictureBands.Fill));
        Assert.Equal("25-50", Assert.IsType<AssetNotified>(rest[2]).Notification.Picture!.Band(PictureBands.Fill));
    }

    [Fact]
    public void A_signal_enrolment_or_withdrawal_is_never_merged_away_and_order_per_asset_holds()
    {
        var mailbox = new DistrictMailbox();
        mailbox.Add(new AssetEnrolled("a", AssetKind.Bin, T0, null));
        mailbox.Add(Moved("a", "0-25", 1));
        mailbox.Add(Signal("a", 2));
        mailbox.Add(Moved("a", "25-50", 3));
        mailbox.Add(Moved("a", "50-75", 4));
        mailbox.Add(new AssetWithdrawn("a"));
        mailbox.Add(Moved("a", "75-100", 5));

        var batch = mailbox.TakeAll();

        Assert.Collection(batch,
            m => Assert.IsType<AssetEnrolled>(m),
            m => Assert.Equal("0-25", Assert.IsType<AssetNotified>(m).Notification.Picture!.Band(PictureBands.Fill)),
            m => Assert.Single(Assert.IsType<AssetNotified>(m).Notification.Signals),
            m => Assert.Equal("50-75", Assert.IsType<AssetNotified>(m).Notification.Picture!.Band(PictureBands.Fill)),
            m => Assert.IsType<AssetWithdrawn>(m),
            m => Assert.Equal("75-100", Assert.IsType<AssetNotified>(m).Notification.Picture!.Band(PictureBands.Fill)));
    }

    [Fact]
    public void A_merged_picture_keeps_the_earlier_deadline_when_the_later_has_none()
    {
        var mailbox = new DistrictMailbox();
        mailbox.Add(Moved("a", "0-25", 0, deadline: T0.AddHours(1)));
        mailbox.Add(Moved("a", "25-50", 1));

        var merged = Assert.IsType<AssetNotified>(Assert.Single(mailbox.TakeAll())).Notification;

        Assert.Equal(T0.AddHours(1), merged.NextDeadline);
        Assert.Equal("25-50", merged.Picture!.Band(PictureBands.Fill));
    }

    [Fact]
    public void A_batch_put_back_goes_before_what_came_since_and_still_coalesces_with_it()
    {
        var mailbox = new DistrictMailbox();
        mailbox.Add(Moved("a", "0-25", 0));
        mailbox.Add(Signal("b", 0));
        var failed = mailbox.TakeAll();
        mailbox.Add(Moved("c", "0-25", 1));
        mailbox.Add(Moved("a", "50-75", 2));

        mailbox.PutBack(failed);
        var batch = mailbox.TakeAll();

        Assert.Equal(["a", "b", "c"], batch.Select(m => m.AssetId));
        Assert.Equal("50-75", Assert.IsType<AssetNotified>(batch[0]).Notification.Picture!.Band(PictureBands.Fill));
    }
}
