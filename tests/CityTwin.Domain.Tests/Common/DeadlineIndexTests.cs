using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Common;

public class DeadlineIndexTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Overdue_assets_are_taken_earliest_first_and_no_longer_tracked()
    {
        var index = new DeadlineIndex();
        index.Set("b", T0.AddMinutes(2));
        index.Set("a", T0.AddMinutes(1));
        index.Set("c", T0.AddMinutes(10));

        Assert.Equal(["a", "b"], index.TakeOverdue(T0.AddMinutes(5), 10));
        Assert.Equal(1, index.Count);
        Assert.Empty(index.TakeOverdue(T0.AddMinutes(5), 10));
        Assert.Equal(["c"], index.TakeOverdue(T0.AddMinutes(10), 10));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Setting_again_replaces_the_deadline()
    {
        var index = new DeadlineIndex();
        index.Set("a", T0.AddMinutes(1));
        index.Set("a", T0.AddMinutes(30));

        Assert.Empty(index.TakeOverdue(T0.AddMinutes(5), 10));
        Assert.True(index.TryGetDeadline("a", out var deadline));
        Assert.Equal(T0.AddMinutes(30), deadline);
        Assert.Equal(T0.AddMinutes(30), index.NextDeadline());

        index.Set("a", T0.AddMinutes(3));
        Assert.Equal(["a"], index.TakeOverdue(T0.AddMinutes(5), 10));
    }

    [Fact]
    public void Removed_assets_are_never_overdue()
    {
        var index = new DeadlineIndex();
        index.Set("a", T0);
        Assert.True(index.Remove("a"));
        Assert.False(index.Remove("a"));
        Assert.Empty(index.TakeOverdue(T0.AddDays(1), 10));
        Assert.Null(index.NextDeadline());
    }

    [Fact]
    public void An_asset_set_again_after_it_was_taken_is_tracked_again()
    {
        var index = new DeadlineIndex();
        index.Set("a", T0);
        Assert.Equal(["a"], index.TakeOverdue(T0, 10));
        index.Set("a", T0.AddMinutes(45));
        Assert.Equal(1, index.Count);
        Assert.Equal(["a"], index.TakeOverdue(T0.AddHours(1), 10));
    }

    [Fact]
    public void At_most_max_are_taken_at_once()
    {
        var index = new DeadlineIndex();
        for (var i = 0; i < 10; i++)
            index.Set($"bin-{i}", T0.AddSeconds(i));
        Assert.Equal(["bin-0", "bin-1", "bin-2"], index.TakeOverdue(T0.AddHours(1), 3));
        Assert.Equal(7, index.TakeOverdue(T0.AddHours(1), 100).Count);
    }

    [Fact]
    public void A_hundred_thousand_assets_with_many_updates_stay_correct()
    {
        var index = new DeadlineIndex();
        const int n = 100_000;
        for (var i = 0; i < n; i++)
            index.Set($"bin-{i}", T0.AddSeconds(i % 3600));

        // Every asset reports again: half move an hour later, half stay.
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < n; i += 2)
                index.Set($"bin-{i}", T0.AddHours(1 + round).AddSeconds(i % 3600));
        }

        Assert.Equal(n, index.Count);
        var overdue = index.TakeOverdue(T0.AddMinutes(59).AddSeconds(59), n);
        Assert.Equal(n / 2, overdue.Count);
        Assert.All(overdue, id => Assert.True(int.Parse(id.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture) % 2 == 1));
        Assert.Equal(n / 2, index.Count);
        Assert.Equal(T0.AddHours(3), index.NextDeadline());
    }
}
