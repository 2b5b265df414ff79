using CityTwin.Savings.District;

namespace CityTwin.Savings.Tests;

public class OverflowAccountingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static TrueFill Constant(double perHour, int hours) => new(T0, [.. Enumerable.Repeat(perHour, hours)], perHour);

    [Fact]
    public void A_bin_overflows_from_the_instant_its_true_level_reaches_one_until_it_is_emptied()
    {
        // 0.3 an hour from empty at T0: full (1.0) at 3 h 20 min; emptied at 5 h, full again at 8 h 20 min.
        var fill = Constant(0.3, 48);

        var hours = fill.OverflowHours(T0, T0.AddHours(10), T0, [T0.AddHours(5)]);

        Assert.Equal((5 - 10 / 3.0) + (10 - (5 + 10 / 3.0)), hours, 6);
    }

    [Fact]
    public void Only_the_measured_stretch_counts_and_emptyings_outside_it_are_ignored()
    {
        var fill = Constant(0.1, 72);

        // Emptied at T0, before the stretch [T0+6 h, T0+12 h): level 1.0 at T0+10 h; the emptying at T0+30 h is after it.
        var hours = fill.OverflowHours(T0.AddHours(6), T0.AddHours(12), T0, [T0.AddHours(30)]);

        Assert.Equal(2, hours, 6);
    }

    [Fact]
    public void A_bin_emptied_before_it_fills_never_overflows()
    {
        var fill = Constant(0.1, 48);

        var hours = fill.OverflowHours(T0, T0.AddHours(24), T0, [T0.AddHours(8), T0.AddHours(16)]);

        Assert.Equal(0, hours);
        Assert.Equal(0.8, fill.LevelAt(T0.AddHours(16), T0.AddHours(8)), 9);
    }
}
