using CityTwin.Domain.Intersections;

namespace CityTwin.Domain.Tests.Intersections;

public class TravelTimesTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 8, 0, 0, TimeSpan.FromHours(1));
    private readonly IntersectionParameters _parameters = Crossroads.Parameters();
    private readonly IntersectionState _state;

    public TravelTimesTests() => _state = IntersectionRules.CreateState(_parameters);

    // seg-n-out: 400 m at 48 km/h, so 30 s at free flow.
    private SegmentTravelTime North(IReadOnlyDictionary<string, double>? downstream = null) =>
        TravelTimes.Estimate(_parameters, _state, Now, downstream)[0];

    private void Sample(double seconds, int minutesAgo = 1) =>
        IntersectionRules.Apply(_parameters, _state, new([Crossroads.Calm("north")], [new("seg-n-out", seconds)]),
            Now.AddMinutes(-minutesAgo), Crossroads.Amsterdam);

    [Fact]
    public void Without_any_knowledge_a_segment_takes_its_free_flow_time() =>
        Assert.Equal(new SegmentTravelTime("seg-n-out", "int-north", 30, 30, TravelTimeSource.FreeFlow, 0), North());

    [Fact]
    public void The_speed_where_the_segment_arrives_gives_an_estimate()
    {
        var estimate = North(new Dictionary<string, double> { ["seg-n-out"] = 24 });

        Assert.Equal(TravelTimeSource.DownstreamSpeed, estimate.Source);
        Assert.Equal(60, estimate.EstimateSeconds, precision: 6);
    }

    [Fact]
    public void A_standing_downstream_queue_gives_a_long_but_finite_time() =>
        Assert.Equal(400 / (TravelTimes.MinDerivedSpeedKmh / 3.6),
            North(new Dictionary<string, double> { ["seg-n-out"] = 0 }).EstimateSeconds, precision: 6);

    [Fact]
    public void Nothing_is_faster_than_free_flow() =>
        Assert.Equal(30, North(new Dictionary<string, double> { ["seg-n-out"] = 120 }).EstimateSeconds);

    [Fact]
    public void The_median_of_recent_samples_ignores_one_outlier()
    {
        foreach (var seconds in new[] { 60, 62, 900, 58, 61 })
            Sample(seconds);

        var estimate = North(new Dictionary<string, double> { ["seg-n-out"] = 10 });

        Assert.Equal(TravelTimeSource.Samples, estimate.Source);
        Assert.Equal(61, estimate.EstimateSeconds);
        Assert.Equal(5, estimate.SamplesUsed);
    }

    [Fact]
    public void Two_samples_are_too_few_to_outvote_an_outlier()
    {
        Sample(60);
        Sample(900);
        Assert.Equal(TravelTimeSource.FreeFlow, North().Source);
    }

    [Fact]
    public void Samples_older_than_the_maximum_age_are_not_used()
    {
        foreach (var seconds in new[] { 300, 310, 320 })
            Sample(seconds, minutesAgo: 45);
        foreach (var seconds in new[] { 40, 42 })
            Sample(seconds);

        Assert.Equal(TravelTimeSource.FreeFlow, North().Source);
    }

    [Fact]
    public void Only_the_last_few_samples_are_kept()
    {
        foreach (var seconds in Enumerable.Range(100, 20))
            Sample(seconds);

        var history = _state.Segments[0];
        Assert.Equal(SegmentTravelState.Capacity, history.Count);
        Assert.Equal(Enumerable.Range(113, 7), history.Seconds.Select(s => (int)s));
        Assert.Equal(116, North().EstimateSeconds);
    }
}
