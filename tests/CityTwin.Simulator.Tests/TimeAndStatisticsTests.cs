using CityTwin.Simulator.Devices;
using CityTwin.Simulator.Mqtt;
using CityTwin.Simulator.Time;
using Microsoft.Extensions.Time.Testing;

namespace CityTwin.Simulator.Tests;

public sealed class TimeAndStatisticsTests
{
    [Fact]
    public void The_accelerated_clock_runs_factor_times_faster_from_its_start_and_so_do_its_timers()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        var start = new DateTimeOffset(2026, 12, 7, 6, 30, 0, TimeSpan.FromHours(1));
        var clock = new AcceleratedTimeProvider(start, 60, real);
        Assert.Equal(start, clock.GetUtcNow());
        real.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(start + TimeSpan.FromMinutes(90), clock.GetUtcNow());

        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        real.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, fired);
        real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, fired);
        timer.Change(TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan);
        real.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, fired);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AcceleratedTimeProvider(start, 0.5));
    }

    [Fact]
    public void A_stopped_clock_stays_at_its_start_until_it_runs()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        var start = new DateTimeOffset(2026, 12, 7, 6, 30, 0, TimeSpan.Zero);
        var clock = new AcceleratedTimeProvider(start, 60, real, running: false);
        real.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(start, clock.GetUtcNow());
        clock.Run();
        real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(start + TimeSpan.FromMinutes(1), clock.GetUtcNow());
    }

    [Fact]
    public void Percentiles_come_within_a_bucket_of_the_truth()
    {
        var histogram = new LatencyHistogram();
        Assert.Null(histogram.Percentile(0.5));
        for (var ms = 1; ms <= 1_000; ms++)
            histogram.Record(ms);
        Assert.InRange(histogram.Percentile(0.5)!.Value, 500, 500 * 1.024);
        Assert.InRange(histogram.Percentile(0.99)!.Value, 990, 990 * 1.024);
        var earlier = histogram.Copy();
        histogram.Record(5_000);
        Assert.Equal(1, histogram.Since(earlier).Count);
        Assert.InRange(histogram.Since(earlier).Percentile(0.5)!.Value, 5_000, 5_000 * 1.024);
    }

    [Fact]
    public void The_sun_is_up_at_noon_and_down_at_midnight_and_traffic_peaks_in_the_rush_hours()
    {
        // Amsterdam, a December Tuesday (UTC+1).
        var noon = new DateTimeOffset(2026, 12, 8, 12, 30, 0, TimeSpan.FromHours(1));
        Assert.InRange(CityEnvironment.SunElevationDegrees(noon, 52.37, 4.89), 10, 20);
        Assert.True(CityEnvironment.SunElevationDegrees(noon.AddHours(12), 52.37, 4.89) < -30);
        var environment = new CityEnvironment(1);
        Assert.True(environment.AmbientLux(noon, 52.37, 4.89) > 1_000);
        Assert.True(environment.AmbientLux(noon.AddHours(12), 52.37, 4.89) < 10);
        var tuesday = new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.FromHours(1));
        Assert.True(CityEnvironment.TrafficLevel(tuesday.AddHours(8)) > CityEnvironment.TrafficLevel(tuesday.AddHours(11)));
        Assert.True(CityEnvironment.TrafficLevel(tuesday.AddHours(17.5)) > CityEnvironment.TrafficLevel(tuesday.AddHours(14)));
        Assert.True(CityEnvironment.TrafficLevel(tuesday.AddHours(11)) > 3 * CityEnvironment.TrafficLevel(tuesday.AddHours(3)));
    }
}
