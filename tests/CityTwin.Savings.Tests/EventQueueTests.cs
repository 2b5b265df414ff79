using CityTwin.Savings.Simulation;

namespace CityTwin.Savings.Tests;

public class EventQueueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Events_run_in_time_order_and_ties_in_the_order_scheduled()
    {
        var clock = new EventQueue(T0);
        var seen = new List<string>();
        clock.At(T0.AddMinutes(5), () => seen.Add("b"));
        clock.At(T0.AddMinutes(1), () =>
        {
            seen.Add("a");
            clock.At(T0.AddMinutes(5), () => seen.Add("c"));
        });
        clock.At(T0.AddMinutes(9), () => seen.Add("late"));

        clock.RunUntil(T0.AddMinutes(9));

        Assert.Equal(["a", "b", "c"], seen);
        Assert.Equal(T0.AddMinutes(9), clock.Now);
    }

    [Fact]
    public void An_event_in_the_past_is_refused()
    {
        var clock = new EventQueue(T0);
        clock.RunUntil(T0.AddHours(1));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => clock.At(T0, () => { }));
        Assert.Contains("past", error.Message, StringComparison.Ordinal);
    }
}
