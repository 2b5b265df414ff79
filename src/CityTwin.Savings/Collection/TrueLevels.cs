using CityTwin.Savings.District;

namespace CityTwin.Savings.Collection;

/// <summary>The simulator's own bookkeeping of when each bin was really emptied, and the true levels that follow.</summary>
internal sealed class TrueLevels
{
    private readonly GeneratedDistrict district;
    private readonly Dictionary<string, DateTimeOffset> lastEmptied = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> beforeWeek = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateTimeOffset>> inWeek = new(StringComparer.Ordinal);

    public TrueLevels(GeneratedDistrict district, DateTimeOffset initialEmptying)
    {
        this.district = district;
        foreach (var bin in district.Bins)
        {
            lastEmptied[bin.Id] = initialEmptying;
            inWeek[bin.Id] = [];
        }
    }

    public DateTimeOffset LastEmptied(SimulatedBin bin) => lastEmptied[bin.Id];

    public double LevelAt(SimulatedBin bin, DateTimeOffset at) => bin.Truth.LevelAt(at, lastEmptied[bin.Id]);

    /// <summary>Empties the bin; returns its true level just before.</summary>
    public double Empty(SimulatedBin bin, DateTimeOffset at)
    {
        var level = LevelAt(bin, at);
        if (at >= district.WeekStartsAt && at < district.WeekEndsAt)
        {
            beforeWeek.TryAdd(bin.Id, lastEmptied[bin.Id]);
            inWeek[bin.Id].Add(at);
        }
        lastEmptied[bin.Id] = at;
        return level;
    }

    /// <summary>Overflowing hours of each bin within the measured week (level at or over 1.0).</summary>
    public IReadOnlyList<double> OverflowHoursPerBin() => [.. district.Bins.Select(bin =>
        bin.Truth.OverflowHours(district.WeekStartsAt, district.WeekEndsAt,
            beforeWeek.TryGetValue(bin.Id, out var before) ? before : lastEmptied[bin.Id], inWeek[bin.Id]))];

    public double MeanLevelAtWeekEnd() => district.Bins.Average(bin => LevelAt(bin, district.WeekEndsAt));

    public IReadOnlyList<DateTimeOffset> EmptyingsInWeek(SimulatedBin bin) => inWeek[bin.Id];
}
