using CityTwin.Domain.AirQuality;

namespace CityTwin.Domain.Tests.AirQuality;

public class AirQualityDriftTests
{
    private static DriftAssessment Verdict(bool suspect, double ratio = 2) => new(20, ratio, 15, suspect, Conclusive: true);

    [Fact]
    public void A_new_suspicion_raises_a_signal_naming_the_pollutant()
    {
        var state = new AirQualityState();
        var signals = AirQualityRules.ApplyDrift(state, Pollutant.No2, Verdict(true));

        Assert.Equal([new AirQualitySignal(AirQualitySignal.Drift, true, Pollutant.No2)], signals);
        Assert.True(state.No2Hourly.DriftSuspect);
        Assert.Equal(2f, state.No2Hourly.DriftRatio);
        Assert.False(state.Pm25Hourly.DriftSuspect);
    }

    [Fact]
    public void A_repeated_verdict_signals_nothing_but_updates_the_ratio()
    {
        var state = new AirQualityState();
        AirQualityRules.ApplyDrift(state, Pollutant.Pm25, Verdict(true));

        Assert.Empty(AirQualityRules.ApplyDrift(state, Pollutant.Pm25, Verdict(true, ratio: 2.5)));
        Assert.Equal(2.5f, state.Pm25Hourly.DriftRatio);
    }

    [Fact]
    public void A_cleared_suspicion_signals_the_clearing()
    {
        var state = new AirQualityState();
        AirQualityRules.ApplyDrift(state, Pollutant.Pm25, Verdict(true));

        var signals = AirQualityRules.ApplyDrift(state, Pollutant.Pm25, Verdict(false, ratio: 1.1));

        Assert.Equal([new AirQualitySignal(AirQualitySignal.Drift, false, Pollutant.Pm25)], signals);
        Assert.False(state.Pm25Hourly.DriftSuspect);
    }

    [Fact]
    public void An_inconclusive_assessment_changes_nothing()
    {
        var state = new AirQualityState();
        AirQualityRules.ApplyDrift(state, Pollutant.Pm25, Verdict(true));

        var signals = AirQualityRules.ApplyDrift(state, Pollutant.Pm25, new DriftAssessment(5, null, null, false, Conclusive: false));

        Assert.Empty(signals);
        Assert.True(state.Pm25Hourly.DriftSuspect);
        Assert.Equal(2f, state.Pm25Hourly.DriftRatio);
    }

    [Fact]
    public void Hourly_means_from_neighbouring_twins_feed_the_detector()
    {
        var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var parameters = new AirQualityParameters { MeasuredPollutants = [Pollutant.Pm25] };
        var sensors = new[] { 2.0, 1, 1, 1 }.Select(factor =>
        {
            var state = new AirQualityState();
            for (var h = 0; h < 24; h++)
                AirQualityRules.Apply(state, parameters, new(Pm25: (10 + h % 5) * factor), start.AddHours(h).AddMinutes(30));
            return state;
        }).ToList();
        var lastHour = start.AddHours(23);

        var own = AirQualityRules.HourlyMeans(sensors[0], Pollutant.Pm25, lastHour);
        var neighbours = sensors.Skip(1).Select(s => (IReadOnlyList<float>)AirQualityRules.HourlyMeans(s, Pollutant.Pm25, lastHour)).ToList();
        var verdict = DriftDetector.Assess(own, neighbours, sensors[0].Pm25Hourly.DriftSuspect, DriftCriteria.For(Pollutant.Pm25));

        Assert.True(verdict.Suspect);
        Assert.Single(AirQualityRules.ApplyDrift(sensors[0], Pollutant.Pm25, verdict));
    }
}
