using CityTwin.Domain.Intersections;

namespace CityTwin.Domain.Tests.Intersections;

public class IntersectionRulesTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 8, 0, 0, TimeSpan.FromHours(1));
    private readonly IntersectionParameters _parameters = Crossroads.Parameters();
    private readonly IntersectionState _state;
    private DateTimeOffset _now = Start;

    public IntersectionRulesTests() => _state = IntersectionRules.CreateState(_parameters);

    private IntersectionOutcome Apply(IntersectionReading reading)
    {
        _now += TimeSpan.FromMinutes(1);
        return IntersectionRules.Apply(_parameters, _state, reading, _now, Crossroads.Amsterdam);
    }

    private static IEnumerable<IntersectionSignal> Coded(IntersectionOutcome outcome, string code) =>
        outcome.Signals.Where(s => s.Code == code);

    [Fact]
    public void A_new_state_has_one_entry_per_approach_and_segment_and_an_equal_split_plan()
    {
        Assert.Equal(["north", "east", "south", "west"], _state.Approaches.Select(a => a.Id));
        Assert.Equal(4, _state.Segments.Length);
        Assert.Equal(40, _state.SignalPlan.CycleSeconds);
        Assert.Equal([16, 16], _state.SignalPlan.Phases.Select(p => p.GreenSeconds));
    }

    [Fact]
    public void A_reading_updates_the_approaches_it_describes_and_leaves_the_others()
    {
        Apply(Crossroads.AllCalm(300));
        Apply(new([new("east", 900, 0.12, 38, 7, false)]));

        var east = _state.Approaches[1];
        Assert.Equal((900, 0.12, 38, 7), (east.Intensity, east.Occupancy, east.AverageVehicleSpeed, east.QueueLength));
        Assert.Equal(300, _state.Approaches[0].Intensity);
    }

    [Fact]
    public void Entering_and_leaving_gridlock_are_signalled_once_each()
    {
        Apply(Crossroads.AllCalm());
        var jammed = Apply(new([Crossroads.Occupied("south", 0.8)]));
        var stillJammed = Apply(new([Crossroads.Occupied("south", 0.85)]));
        var cleared = Apply(new([Crossroads.Occupied("south", 0.05)]));

        Assert.Equal((CongestionLevel.Free, CongestionLevel.Gridlock), (jammed.PreviousCongested, jammed.Congested));
        Assert.Equal([new(IntersectionSignalCodes.CongestionChanged, true), new(IntersectionSignalCodes.Gridlock, true)],
            jammed.Signals.Where(s => s.ApproachId is null));
        Assert.Equal([new ApproachLevelChange("south", CongestionLevel.Free, CongestionLevel.Gridlock)], jammed.ApproachLevelChanges);
        Assert.DoesNotContain(stillJammed.Signals, s => s.ApproachId is null);
        Assert.Equal([new(IntersectionSignalCodes.CongestionChanged, false), new(IntersectionSignalCodes.Gridlock, false)],
            cleared.Signals.Where(s => s.ApproachId is null));
    }

    [Fact]
    public void A_change_between_lesser_levels_is_signalled_without_a_gridlock_signal()
    {
        Apply(Crossroads.AllCalm());
        var outcome = Apply(new([Crossroads.Occupied("west", 0.4)]));

        Assert.Equal(CongestionLevel.Heavy, outcome.Congested);
        Assert.Single(Coded(outcome, IntersectionSignalCodes.CongestionChanged));
        Assert.Empty(Coded(outcome, IntersectionSignalCodes.Gridlock));
    }

    [Fact]
    public void The_intersection_is_as_congested_as_its_worst_approach()
    {
        Apply(new([Crossroads.Occupied("north", 0.25), Crossroads.Occupied("east", 0.4), Crossroads.Calm("south")]));
        Assert.Equal(CongestionLevel.Heavy, _state.Congested);
    }

    [Fact]
    public void Occupancy_hovering_at_the_gridlock_threshold_signals_gridlock_only_once()
    {
        var signals = new[] { 0.61, 0.58, 0.62, 0.57, 0.60, 0.59 }
            .SelectMany(occupancy => Apply(new([Crossroads.Occupied("north", occupancy)])).Signals)
            .Where(s => s.Code == IntersectionSignalCodes.Gridlock);

        Assert.Equal([new(IntersectionSignalCodes.Gridlock, true)], signals);
    }

    [Fact]
    public void Incidents_are_signalled_when_raised_and_when_cleared_not_while_they_last()
    {
        var raised = Apply(new([Crossroads.Calm("east") with { Incident = true }]));
        var lasting = Apply(new([Crossroads.Calm("east") with { Incident = true }]));
        var cleared = Apply(new([Crossroads.Calm("east")]));

        Assert.Equal([new(IntersectionSignalCodes.Incident, true, "east")], Coded(raised, IntersectionSignalCodes.Incident));
        Assert.Empty(Coded(lasting, IntersectionSignalCodes.Incident));
        Assert.Equal([new(IntersectionSignalCodes.Incident, false, "east")], Coded(cleared, IntersectionSignalCodes.Incident));
    }

    [Fact]
    public void The_district_hears_of_a_forecast_only_when_it_moves_past_the_threshold()
    {
        var first = Apply(new([Crossroads.Calm("north", 400)]));
        var small = Enumerable.Range(0, 12).Select(_ => Apply(new([Crossroads.Calm("north", 480)]))).ToArray();

        // The first forecast is news; a drift of 80 veh/h is not.
        Assert.Equal([new(IntersectionSignalCodes.ForecastMoved, true, "north")], Coded(first, IntersectionSignalCodes.ForecastMoved));
        Assert.All(small, o => Assert.Empty(Coded(o, IntersectionSignalCodes.ForecastMoved)));
    }

    [Fact]
    public void A_jump_in_flow_is_told_as_a_rise_and_then_the_forecast_goes_quiet()
    {
        foreach (var _ in Enumerable.Range(0, 16))
            Apply(new([Crossroads.Calm("north", 480)]));

        var outcomes = Enumerable.Range(0, 30).Select(_ => Apply(new([Crossroads.Calm("north", 900)]))).ToArray();

        var told = outcomes.SelectMany(o => Coded(o, IntersectionSignalCodes.ForecastMoved)).ToArray();
        Assert.True(told[0].Raised);
        Assert.All(outcomes.TakeLast(10), o => Assert.Empty(Coded(o, IntersectionSignalCodes.ForecastMoved)));
        var signalled = _state.Approaches[0].SignalledForecast;
        Assert.True(Math.Abs(900 - signalled) <= Math.Max(IntersectionRules.ForecastMoveThreshold, IntersectionRules.ForecastMoveFraction * signalled),
            $"the district was last told {signalled} veh/h for a settled 900");
    }

    [Fact]
    public void A_fall_in_flow_is_told_as_a_lowered_forecast()
    {
        foreach (var _ in Enumerable.Range(0, 16))
            Apply(new([Crossroads.Calm("north", 1200)]));

        var told = Enumerable.Range(0, 16)
            .SelectMany(_ => Coded(Apply(new([Crossroads.Calm("north", 200)])), IntersectionSignalCodes.ForecastMoved))
            .ToArray();

        Assert.False(told[0].Raised);
    }

    [Fact]
    public void The_signal_plan_follows_demand_but_is_only_replaced_when_it_changes_materially()
    {
        var heavyNorth = new IntersectionReading([Crossroads.Calm("north", 1440), Crossroads.Calm("east", 360)]);
        var changed = Apply(heavyNorth);
        var same = Apply(heavyNorth);

        Assert.True(changed.SignalPlanChanged);
        Assert.False(same.SignalPlanChanged);
        var greens = _state.SignalPlan.Phases.Select(p => p.GreenSeconds).ToArray();
        Assert.True(greens[0] > greens[1], $"north/south got {greens[0]} s, east/west {greens[1]} s");
    }

    [Fact]
    public void Travel_time_samples_are_recorded_on_their_segment()
    {
        var outcome = Apply(Crossroads.AllCalm() with { TravelTimes = [new("seg-e-out", 70), new("seg-e-out", 75)] });

        Assert.Equal(2, outcome.TravelTimeSamplesRecorded);
        Assert.Equal(2, _state.Segments[1].Count);
        Assert.Equal([70, 75], _state.Segments[1].Seconds.Take(2).Select(s => (int)s));
    }

    [Fact]
    public void A_state_for_other_parameters_is_refused()
    {
        var other = Crossroads.Parameters() with { OutgoingSegments = [] };
        Assert.Throws<InvalidOperationException>(() =>
            IntersectionRules.Apply(other, _state, Crossroads.AllCalm(), Start, Crossroads.Amsterdam));
    }

    [Fact]
    public void Reprovisioning_keeps_what_was_learned_for_approaches_that_remain()
    {
        Apply(Crossroads.AllCalm(500));
        var fewer = _parameters with { Approaches = [.. _parameters.Approaches.Take(2), new("south-bus", "seg-sb-in", 30, Phase: 0)] };

        var reshaped = IntersectionRules.CreateState(fewer, _state);

        Assert.Equal(["north", "east", "south-bus"], reshaped.Approaches.Select(a => a.Id));
        Assert.Equal(500, reshaped.Approaches[0].Intensity);
        Assert.Equal(1, reshaped.Approaches[0].Recent.Count);
        Assert.Equal(0, reshaped.Approaches[2].Recent.Count);
    }
}
