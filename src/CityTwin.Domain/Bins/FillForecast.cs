using CityTwin.Domain.Common;

namespace CityTwin.Domain.Bins;

/// <summary>
/// Fill-rate learning and the <c>predictedFullAt</c> prediction.
/// <para>
/// Rate: Theil–Sen (median of pairwise slopes) over the healthy samples since the last emptying, so a
/// single bad reading does not move it. That observed rate is divided by the mean
/// <see cref="FillRateProfile"/> weight of the hours it was observed in, giving the base rate (the rate of
/// an ordinary hour); with fewer than <see cref="BinRuleOptions.FullTrustSpan"/> of samples it is blended
/// with the long-run base rate kept across emptyings.
/// </para>
/// <para>
/// Long-run base rate and profile: after each healthy sample, the pace between the previous two samples
/// (of the median of three, so one outlier does not count) updates the long-run base rate (a moving
/// average, so the average pace of the week: an hour of weight 1) and, divided by it, the weights of the
/// local hours between them, each by <see cref="BinRuleOptions.ProfileLearningRate"/>.
/// </para>
/// <para>
/// Prediction: from the fitted level at the latest sample (shifted by the median distance of the last three
/// samples from the line, so a change of pace shows at once), the base rate times each local hour's weight
/// is added hour by hour (following daylight saving) until the fullness threshold; null when the rate is
/// below <see cref="BinRuleOptions.MinRatePerHour"/> or the threshold lies beyond
/// <see cref="BinRuleOptions.PredictionHorizon"/>. Confidence (0..1) grows with the number of samples
/// (full at 12), shrinks with their scatter around the line relative to the rise they show, and halves at
/// <see cref="BinRuleOptions.HalfConfidenceAhead"/>; from the long-run rate alone it is
/// <see cref="BinRuleOptions.PriorRateConfidence"/> at most.
/// </para>
/// </summary>
public static class FillForecast
{
    private const int PointsForFullConfidence = 12;
    private const double MinRiseForSpread = 0.02;
    private const double MaxLearntWeight = 16;

    /// <summary>
    /// When a bin at <paramref name="level"/> at <paramref name="from"/> reaches <paramref name="threshold"/>,
    /// filling at <paramref name="baseRatePerHour"/> times each local hour's weight; null beyond the horizon.
    /// </summary>
    public static DateTimeOffset? ProjectFull(
        double level, double threshold, double baseRatePerHour, FillRateProfile profile,
        DateTimeOffset from, TimeZoneInfo zone, TimeSpan horizon)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (level >= threshold)
            return from;
        if (!(baseRatePerHour > 0))
            return null;
        var remaining = threshold - level;
        foreach (var span in LocalHours.Split(from, from + horizon, zone))
        {
            var rate = baseRatePerHour * profile.WeightOf(span.HourOfWeek);
            var gain = rate * span.Hours;
            if (rate > 0 && gain >= remaining)
                return span.Start + TimeSpan.FromHours(remaining / rate);
            remaining -= gain;
        }

        return null;
    }

    /// <summary>
    /// Re-estimates the rate and the prediction. <paramref name="fromSeries"/> false ignores the samples
    /// (sensor not ok) and projects from the current level with the long-run rate; <paramref name="learn"/>
    /// lets a new healthy sample teach the base rate and the profile.
    /// </summary>
    internal static void Update(
        BinState state, BinParameters parameters, DateTimeOffset at, TimeZoneInfo zone, BinRuleOptions options,
        bool fromSeries, bool learn, List<TwinSignal> signals)
    {
        if (learn && fromSeries)
            Learn(state, zone, options);

        double? baseRate = null;
        double basis = 0;
        var level = state.FillingLevel ?? 0;
        var from = at;

        var fit = fromSeries && state.Levels.Count >= options.MinPointsForRate ? state.Levels.TheilSen() : null;
        if (fit is { } f && f.Span >= options.MinSpanForRate && state.Levels.First is { } first && state.Levels.Last is { } last)
        {
            var observed = Math.Max(0, f.SlopePerHour);
            var spanWeight = state.Profile.MeanWeight(first.Time, last.Time, zone);
            var fromSamples = spanWeight > 0.05 ? observed / spanWeight : observed;
            var trust = Math.Min(1, f.Span / options.FullTrustSpan);
            baseRate = state.BaseRatePerHour is { } prior ? trust * fromSamples + (1 - trust) * prior : fromSamples;

            var points = Math.Min(1, (f.Points - 1) / (double)(PointsForFullConfidence - 1));
            var rise = observed * f.Span.TotalHours;
            var scatter = Math.Clamp(1 - 2 * f.ResidualSpread / Math.Max(rise, MinRiseForSpread), 0, 1);
            basis = points * scatter;
            if (state.BaseRatePerHour is not null)
                basis = Math.Max(basis, options.PriorRateConfidence);

            state.FillRatePerHour = Math.Round(observed, 5);
            level = RecentLevel(state.Levels, f);
            from = last.Time;

            if (learn && state.BaseRatePerHour is null)
                state.BaseRatePerHour = fromSamples;
        }
        else if (state.BaseRatePerHour is { } prior)
        {
            baseRate = prior;
            basis = options.PriorRateConfidence;
        }

        DateTimeOffset? predicted;
        if (state.AboveThreshold && state.FullSince is { } fullSince)
            predicted = fullSince;
        else if (baseRate is not { } rate || rate < options.MinRatePerHour)
            predicted = null;
        else
            predicted = ProjectFull(level, parameters.BinFullnessThreshold, rate, state.Profile, from, zone, options.PredictionHorizon);

        if (predicted is { } when)
        {
            var ahead = Math.Max(0, (when - at).TotalHours);
            basis *= 1 / (1 + ahead / options.HalfConfidenceAhead.TotalHours);
        }
        else
        {
            basis = 0;
        }

        state.PredictionBasis = Math.Round(Math.Clamp(basis, 0, 1), 2);
        Announce(state, predicted, options, signals);
    }

    /// <summary>
    /// The fitted level at the latest sample, shifted by the median of the last three samples' distances from
    /// the line: one outlier does not move it, yet a sudden change of pace shows at once.
    /// </summary>
    private static double RecentLevel(RecentSeries levels, TrendFit fit)
    {
        var last = levels[^1].Time;
        double Residual(int fromEnd)
        {
            var sample = levels[^fromEnd];
            return sample.Value - (fit.ValueAtLast - fit.SlopePerHour * (last - sample.Time).TotalHours);
        }

        var shift = levels.Count >= 3 ? Statistics.Median(Residual(1), Residual(2), Residual(3)) : Residual(1);
        return Math.Clamp(fit.ValueAtLast + shift, 0, 1);
    }

    /// <summary>
    /// Learns from the latest stretch between samples: the rise of the median of three samples from one
    /// sample to the next (robust to one outlier; the rises add up to the whole fill) gives the pace of that
    /// stretch. The long-run base rate is its time-weighted moving average (memory
    /// <see cref="BinRuleOptions.BaseRateMemory"/>), i.e. the average pace over the week; the pace divided
    /// by it is what the local hours of the stretch weigh in the profile.
    /// </summary>
    private static void Learn(BinState state, TimeZoneInfo zone, BinRuleOptions options)
    {
        var levels = state.Levels;
        if (levels.Count < 4 || state.BaseRatePerHour is not { } baseRate)
            return;
        var from = levels[^3].Time;
        var to = levels[^2].Time;
        var stretch = to - from;
        if (stretch <= TimeSpan.Zero || stretch > options.ProfileLearningMaxStretch)
            return;
        var before = Statistics.Median(levels[^4].Value, levels[^3].Value, levels[^2].Value);
        var after = Statistics.Median(levels[^3].Value, levels[^2].Value, levels[^1].Value);
        var rate = (after - before) / stretch.TotalHours;

        baseRate = Math.Max(0, baseRate + Math.Min(1, stretch / options.BaseRateMemory) * (rate - baseRate));
        state.BaseRatePerHour = baseRate;
        if (baseRate < options.MinRatePerHour)
            return;
        var weight = Math.Clamp(rate / baseRate, -MaxLearntWeight, MaxLearntWeight);
        state.Profile.Learn(from, to, weight, options.ProfileLearningRate, zone);
    }

    private static void Announce(BinState state, DateTimeOffset? predicted, BinRuleOptions options, List<TwinSignal> signals)
    {
        // Whole seconds: plenty for a bin, and shorter in JSON.
        predicted = predicted is { } exact ? new DateTimeOffset(exact.UtcTicks - exact.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero) : null;
        state.PredictedFullAt = predicted;
        var announced = state.AnnouncedPredictedFullAt;
        var moved = (announced, predicted) switch
        {
            (null, null) => false,
            ({ } a, { } p) => (p - a).Duration() >= options.PredictionMovedBy,
            _ => true,
        };
        if (!moved)
            return;
        state.AnnouncedPredictedFullAt = predicted;
        signals.Add(new(TwinSignalKind.PredictionMoved, BinSignalCodes.PredictedFullAt,
            predicted is { } at ? at.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : "not within the horizon"));
    }
}
