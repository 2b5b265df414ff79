using CityTwin.Domain.Collection;
using CityTwin.Domain.Common;
using CityTwin.Savings.District;
using CityTwin.Savings.Simulation;

namespace CityTwin.Savings.Collection;

/// <summary>A bin's fixed round: every <see cref="IntervalDays"/> days from <see cref="FirstCollection"/>.</summary>
public sealed record FixedRound(SimulatedBin Bin, int IntervalDays, DateOnly FirstCollection, TimeSpan UsualTimeAfterWindowStart)
{
    public bool IsDue(DateOnly date) => FixedFrequencyBaseline.IsDue(FirstCollection, IntervalDays, date);
}

/// <summary>
/// What the city ran before sensors, and keeps running in the baseline: each bin every k days, k from its
/// long-run mean fill rate (<see cref="FixedFrequencyBaseline"/>), rounds staggered so that each bin's phase is
/// drawn once per seed. Before the measured week (history and warm-up) the rounds are not planned: each bin is
/// emptied at its usual time after the window opens.
/// </summary>
public sealed class FixedSchedule
{
    private const int PhaseStream = 6;

    private FixedSchedule(GeneratedDistrict district, IReadOnlyList<FixedRound> rounds)
    {
        District = district;
        Rounds = rounds;
    }

    public GeneratedDistrict District { get; }

    public IReadOnlyList<FixedRound> Rounds { get; }

    public static FixedSchedule For(GeneratedDistrict district)
    {
        ArgumentNullException.ThrowIfNull(district);
        var originDate = LocalClock.LocalDate(district.Origin, district.Zone);
        var rounds = district.Bins.Select((bin, i) =>
        {
            var random = new SeededRandom(SeededRandom.Derive(district.Seed, PhaseStream, i));
            var k = FixedFrequencyBaseline.IntervalDays(bin.Truth.MeanRatePerHour, bin.Parameters.BinFullnessThreshold);
            return new FixedRound(bin, k, originDate.AddDays(random.Below(k)), TimeSpan.FromMinutes(random.Uniform(10, 180)));
        }).ToList();
        return new FixedSchedule(district, rounds);
    }

    /// <summary>When the bin was emptied before the measured week, oldest first (the process starts empty at its origin).</summary>
    public IReadOnlyList<DateTimeOffset> EmptyingsBeforeWeek(FixedRound round)
    {
        var d = District;
        var emptyings = new List<DateTimeOffset> { d.Origin };
        for (var date = LocalClock.LocalDate(d.Origin, d.Zone); date < d.Settings.WeekStart; date = date.AddDays(1))
        {
            if (!round.IsDue(date))
                continue;
            var at = LocalClock.ToInstant(date, d.Settings.WindowStart, d.Zone) + round.UsualTimeAfterWindowStart;
            if (at > d.Origin && at < d.WeekStartsAt)
                emptyings.Add(at);
        }
        return emptyings;
    }
}
