using CityTwin.Domain.Common;

namespace CityTwin.Domain.Intersections;

/// <summary>A forecast of one approach's flow.</summary>
/// <param name="At">The instant forecast.</param>
/// <param name="Intensity">Expected veh/h.</param>
/// <param name="ProfileWeight">Share of the forecast taken from the learned profile (the rest is the recent trend).</param>
public sealed record FlowForecast(DateTimeOffset At, double Intensity, double ProfileWeight);

/// <summary>
/// Short-term flow forecasts: the learned weekday/hour profile blended with the recent trend. The trend
/// (least-squares level and slope of the readings in the last <see cref="RecentWindow"/>) knows today; the
/// profile knows what usually happens next. The profile's share grows with its confidence and with the
/// horizon: confidence × h / (h + <see cref="ProfileHalfWeightHorizon"/>). The slope is continued no further
/// past the readings' mean time than the readings span, i.e. about half their span past the latest one: a slope
/// seen over ten minutes says little about the next hour. A sudden step in flow looks like a ramp to a line fit,
/// so the trend overshoots for a few readings after one; the forecast-moved threshold absorbs small overshoots.
/// </summary>
public static class FlowForecasting
{
    /// <summary>HCM's 15-minute analysis period: readings this recent describe the present demand.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan ProfileHalfWeightHorizon = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MaxHorizon = TimeSpan.FromHours(24);

    public static IReadOnlyList<RuleViolation> ValidateRequest(IntersectionState state, string? approachId, TimeSpan horizon)
    {
        var violations = new List<RuleViolation>();
        if (string.IsNullOrEmpty(approachId))
            violations.Add(new("approach", "is required"));
        else if (Array.FindIndex(state.Approaches, a => a.Id == approachId) < 0)
            violations.Add(new("approach", $"'{approachId}' is not an approach of this intersection"));
        if (horizon <= TimeSpan.Zero || horizon > MaxHorizon)
            violations.Add(new("horizon", $"{horizon} must be longer than zero and at most {MaxHorizon.TotalHours} h"));
        return violations;
    }

    /// <summary>The flow expected on <paramref name="approachId"/> at <paramref name="now"/> + <paramref name="horizon"/>.</summary>
    /// <exception cref="ArgumentException">The request breaks a rule of <see cref="ValidateRequest"/>.</exception>
    public static FlowForecast Forecast(
        IntersectionState state, string approachId, DateTimeOffset now, TimeSpan horizon, TimeZoneInfo zone)
    {
        if (ValidateRequest(state, approachId, horizon) is [var first, ..])
            throw new ArgumentException($"{first.Field} {first.Message}");
        return Forecast(state.Approaches.First(a => a.Id == approachId), now, horizon, zone);
    }

    internal static FlowForecast Forecast(ApproachState approach, DateTimeOffset now, TimeSpan horizon, TimeZoneInfo zone)
    {
        var at = now + horizon;
        var (profileFlow, hours) = FlowProfileRules.At(approach.Profile, at, zone);
        if (Trend(approach.Recent, now) is not { } trend)
            return hours > 0
                ? new(at, profileFlow, 1)
                : new(at, approach.Intensity, 0);

        var reach = Math.Min((at - trend.MeanAt).TotalSeconds, trend.SpanSeconds);
        var trendFlow = Math.Clamp(trend.Mean + trend.SlopePerSecond * reach, 0, IntersectionRules.MaxIntensity);
        var weight = FlowProfileRules.Confidence(hours) * horizon / (horizon + ProfileHalfWeightHorizon);
        return new(at, weight * profileFlow + (1 - weight) * trendFlow, weight);
    }

    /// <summary>Mean flow of the readings within <see cref="RecentWindow"/>, or null if there are none.</summary>
    internal static double? RecentMean(RecentFlow recent, DateTimeOffset now) => Trend(recent, now)?.Mean;

    private static (double Mean, DateTimeOffset MeanAt, double SlopePerSecond, double SpanSeconds)? Trend(RecentFlow recent, DateTimeOffset now)
    {
        var since = (now - RecentWindow).ToUnixTimeSeconds();
        var first = 0;
        while (first < recent.Count && recent.At[first] < since)
            first++;
        var n = recent.Count - first;
        if (n == 0)
            return null;

        double meanT = 0, meanQ = 0;
        for (var i = first; i < recent.Count; i++)
        {
            meanT += recent.At[i];
            meanQ += recent.Intensity[i];
        }

        meanT /= n;
        meanQ /= n;
        double covariance = 0, variance = 0;
        for (var i = first; i < recent.Count; i++)
        {
            covariance += (recent.At[i] - meanT) * (recent.Intensity[i] - meanQ);
            variance += (recent.At[i] - meanT) * (recent.At[i] - meanT);
        }

        // Readings in the same second (or a single reading) give a level but no slope.
        var slope = variance > 0 ? covariance / variance : 0;
        return (meanQ, DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(meanT * 1000)), slope,
            recent.At[recent.Count - 1] - recent.At[first]);
    }
}
