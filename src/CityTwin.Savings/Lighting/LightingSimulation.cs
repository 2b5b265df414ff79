using CityTwin.Domain.Common;
using CityTwin.Domain.Lighting;
using CityTwin.Savings.District;
using CityTwin.Savings.Simulation;

namespace CityTwin.Savings.Lighting;

/// <summary>
/// A week of streetlights on a virtual clock, through the rules the district grain calls: at every change a
/// light's target comes from <see cref="DimmingRules.Target"/> (sun times for the district, presence from its
/// sensor, traffic as the adjacent intersection last reported it), goes through the district's
/// <see cref="LightCommandQueue"/> and its rate limit, and the lamp takes the commanded level at once (no radio
/// delay modelled). Energy goes through <see cref="EnergyLedger.RecordLevel"/> (the lamp power model), whose
/// baseline is every light at full from dusk to dawn. Passers-by and traffic are hidden processes the rules
/// only see through the presence sensors and the intersections' reports. Each time someone appears at a light
/// in the dark while it is below full, the time until it is at full is measured against the policy's reaction
/// time.
/// </summary>
public sealed class LightingSimulation
{
    private const double FullTolerance = LightCommandQueue.LevelTolerance;
    private const int TrafficNoiseStream = 7;

    private readonly GeneratedDistrict district;
    private readonly DimmingPolicy policy;
    private readonly Daylight daylight;
    private readonly EventQueue clock;
    private readonly LightCommandQueue queue = new();
    private readonly EnergyLedger ledger = new();
    private readonly LampState[] lamps;
    private readonly Dictionary<string, int> lampIndex = new(StringComparer.Ordinal);
    private readonly double?[] reportedTraffic;
    private readonly List<int>[] lightsAtIntersection;
    private readonly HashSet<DateTimeOffset> drainsScheduled = [];
    private int commands, onsets, violations, late;
    private TimeSpan worst;

    private LightingSimulation(GeneratedDistrict district, DimmingPolicy policy)
    {
        this.district = district;
        this.policy = policy;
        var settings = district.Settings;
        var days = new List<SunDay>();
        for (var date = settings.WeekStart.AddDays(-1); date <= settings.WeekStart.AddDays(settings.WeekDays + 1); date = date.AddDays(1))
            days.Add(SunTimes.For(settings.Latitude, settings.Longitude, date, district.Zone, policy.Horizon));
        daylight = new Daylight(days);
        clock = new EventQueue(district.WeekStartsAt);
        lamps = [.. district.Lights.Select(l => new LampState(l))];
        for (var i = 0; i < lamps.Length; i++)
            lampIndex[lamps[i].Light.Id] = i;
        reportedTraffic = new double?[district.Intersections.Count];
        lightsAtIntersection = [.. district.Intersections.Select(_ => new List<int>())];
        for (var i = 0; i < lamps.Length; i++)
        {
            if (lamps[i].Light.Intersection is { } x)
                lightsAtIntersection[x].Add(i);
        }
    }

    public static LightingWeek Run(GeneratedDistrict district, DimmingPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(district);
        policy ??= district.Settings.Policy;
        var violations = policy.Validate();
        if (violations.Count > 0)
            throw new ArgumentException(string.Join("; ", violations.Select(v => $"{v.Field}: {v.Message}")), nameof(policy));
        return new LightingSimulation(district, policy).RunWeek();
    }

    private LightingWeek RunWeek()
    {
        var start = district.WeekStartsAt;
        var end = district.WeekEndsAt;
        for (var x = 0; x < district.Intersections.Count; x++)
            ReportTraffic(x, new SeededRandom(SeededRandom.Derive(district.Seed, TrafficNoiseStream, x)), start, initial: true);
        // The week starts in a steady state: every light already at the level the policy gives it.
        foreach (var lamp in lamps)
        {
            lamp.Level = DimmingRules.Target(policy, Context(lamp, start), [], daylight, start).Level;
            lamp.Since = start;
            queue.Commanded[lamp.Light.Id] = lamp.Level;
        }

        for (var change = daylight.NextChange(start); change is { } at && at < end; change = daylight.NextChange(at))
        {
            var instant = at;
            clock.At(instant, () =>
            {
                // Cut every stretch at dusk and dawn, where the baseline switches, then re-evaluate.
                foreach (var lamp in lamps)
                    Record(lamp, instant);
                for (var i = 0; i < lamps.Length; i++)
                    Evaluate(i, instant);
            });
        }
        for (var i = 0; i < lamps.Length; i++)
        {
            var random = new SeededRandom(lamps[i].Light.PresenceSeed);
            SchedulePasserBy(i, random, start);
        }

        clock.RunUntil(end);
        foreach (var lamp in lamps)
        {
            Record(lamp, end);
            if (lamp.OnsetBelowFull is { } onset)
                Reacted(end - onset);
        }
        return new LightingWeek(
            ledger.Days.Sum(d => d.UsedKwh), ledger.Days.Sum(d => d.BaselineKwh),
            ledger.Days.Sum(d => d.UsedCost), ledger.Days.Sum(d => d.BaselineCost),
            commands, onsets, violations, worst, late, policy.ReactionTime);
    }

    private void ReportTraffic(int x, SeededRandom noise, DateTimeOffset at, bool initial = false)
    {
        if (at >= district.WeekEndsAt)
            return;
        void Report()
        {
            var intersection = district.Intersections[x];
            var hour = LocalClock.Local(at, district.Zone).Hour;
            reportedTraffic[x] = PresencePattern.VehiclesPerHour(intersection.Arterial, hour) * intersection.Scale * noise.LogNormalFactor(0.1);
            if (!initial)
            {
                foreach (var i in lightsAtIntersection[x])
                    Evaluate(i, at);
            }
            ReportTraffic(x, noise, at + district.Settings.TrafficReportInterval);
        }
        if (initial)
            Report();
        else
            clock.At(at, Report);
    }

    /// <summary>Passers-by as a Poisson process thinned to the hour's rate; only those in the dark matter, and only they become events.</summary>
    private void SchedulePasserBy(int i, SeededRandom random, DateTimeOffset after)
    {
        var light = lamps[i].Light;
        var maxRate = 45 * light.PresenceScale;
        for (var at = after + random.Exponential(maxRate); at < district.WeekEndsAt; at += random.Exponential(maxRate))
        {
            var local = LocalClock.Local(at, district.Zone);
            var rate = PresencePattern.PeoplePerHour(light.Street, local.Hour, local.DayOfWeek) * light.PresenceScale;
            if (random.Uniform() >= rate / maxRate || !daylight.IsDark(at))
                continue;
            var leaves = at + TimeSpan.FromSeconds(random.Uniform(15, 45));
            var arrives = at;
            clock.At(arrives, () =>
            {
                lamps[i].PeoplePresent++;
                Evaluate(i, arrives);
                SchedulePasserBy(i, random, leaves);
            });
            clock.At(leaves, () =>
            {
                var lamp = lamps[i];
                lamp.PeoplePresent--;
                lamp.LastPresenceAt = leaves;
                Evaluate(i, leaves);
                // The hold runs out: look again just after.
                clock.At(leaves + policy.PresenceHold + TimeSpan.FromMilliseconds(1), () => Evaluate(i, clock.Now));
            });
            return;
        }
    }

    private LightContext Context(LampState lamp, DateTimeOffset at) => new(
        lamp.Light.Id,
        PresenceDetected: lamp.PeoplePresent > 0,
        LastPresenceAt: lamp.LastPresenceAt,
        NearbyTrafficPerHour: lamp.Light.Intersection is { } x ? reportedTraffic[x] : null);

    private void Evaluate(int i, DateTimeOffset at)
    {
        var lamp = lamps[i];
        if (lamp.PeoplePresent > 0 && lamp.OnsetBelowFull is null && daylight.IsDark(at) && lamp.Level < policy.FullLevel - FullTolerance)
        {
            lamp.OnsetBelowFull = at;
            onsets++;
        }
        var decision = DimmingRules.Target(policy, Context(lamp, at), [], daylight, at);
        if (queue.Offer(lamp.Light.Id, decision, at))
            ScheduleDrain(at);
    }

    private void ScheduleDrain(DateTimeOffset at)
    {
        if (drainsScheduled.Add(at))
            clock.At(at, () => Drain(at));
    }

    private void Drain(DateTimeOffset at)
    {
        drainsScheduled.Remove(at);
        var batch = queue.Drain(policy, at);
        foreach (var command in batch.Send)
        {
            commands++;
            late += command.Late ? 1 : 0;
            var lamp = lamps[lampIndex[command.LightId]];
            Record(lamp, at);
            lamp.Level = command.Level;
            if (lamp.OnsetBelowFull is { } onset && lamp.Level >= policy.FullLevel - FullTolerance)
            {
                Reacted(at - onset);
                lamp.OnsetBelowFull = null;
            }
        }
        // The queue's next drain can round to this very instant (a token a few nanoseconds short), where the
        // bucket would not refill: look again a millisecond later at the earliest.
        if (batch.NextDrainAt is { } next)
            ScheduleDrain(next > at.AddMilliseconds(1) ? next : at.AddMilliseconds(1));
    }

    private void Reacted(TimeSpan delay)
    {
        worst = delay > worst ? delay : worst;
        if (delay > policy.ReactionTime)
            violations++;
    }

    /// <summary>Books the lamp's level since its last change up to <paramref name="at"/>.</summary>
    private void Record(LampState lamp, DateTimeOffset at)
    {
        if (at <= lamp.Since)
            return;
        var middle = lamp.Since + (at - lamp.Since) / 2;
        ledger.RecordLevel(lamp.Light.Lamp, lamp.Level, daylight.IsDark(middle), lamp.Since, at, district.Zone, district.Settings.Tariff);
        lamp.Since = at;
    }

    private sealed class LampState(SimulatedLight light)
    {
        public SimulatedLight Light { get; } = light;

        public double Level { get; set; }

        public DateTimeOffset Since { get; set; }

        public int PeoplePresent { get; set; }

        public DateTimeOffset? LastPresenceAt { get; set; }

        /// <summary>When someone appeared while the lamp was below full in the dark, until it reaches full.</summary>
        public DateTimeOffset? OnsetBelowFull { get; set; }
    }
}
