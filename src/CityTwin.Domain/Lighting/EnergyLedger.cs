using CityTwin.Domain.Common;
using CityTwin.Domain.Streetlights;

namespace CityTwin.Domain.Lighting;

/// <summary>One local day of a district's lighting: energy and its cost, and the same for the always-on baseline.</summary>
public sealed class DayEnergy
{
    public DateOnly Date { get; set; }

    public double UsedKwh { get; set; }

    public decimal UsedCost { get; set; }

    /// <summary>What the same lit hours would have drawn at full level (the always-on-at-full baseline).</summary>
    public double BaselineKwh { get; set; }

    public decimal BaselineCost { get; set; }

    public double SavedKwh => BaselineKwh - UsedKwh;

    public decimal SavedCost => BaselineCost - UsedCost;
}

/// <summary>
/// A district's lighting energy and cost per local day. Each recorded stretch is cut at local midnights and at
/// the tariff's band edges and priced per piece, the energy spread evenly over the stretch (power between two
/// readings is not known any better: the streetlight twin's meter integrates it as a trapezoid). The energy
/// comes from the twins' meter (<see cref="StreetlightOutcome.EnergyAddedKwh"/> and the change of
/// <see cref="StreetlightState.FullPowerEnergyKwh"/>) or, in planning and simulation, from
/// <see cref="LampPowerModel"/> through <see cref="RecordLevel"/>.
/// </summary>
public sealed class EnergyLedger
{
    /// <summary>Local days kept; the oldest go first.</summary>
    public const int MaxDays = 400;

    public List<DayEnergy> Days { get; set; } = [];

    public DayEnergy? Day(DateOnly date) => Days.FirstOrDefault(d => d.Date == date);

    /// <summary>Adds <paramref name="usedKwh"/> and <paramref name="baselineKwh"/> drawn evenly over [from, to).</summary>
    public void Record(DateTimeOffset from, DateTimeOffset to, double usedKwh, double baselineKwh, TimeZoneInfo zone, Tariff tariff)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(tariff);
        if (!double.IsFinite(usedKwh) || usedKwh < 0 || !double.IsFinite(baselineKwh) || baselineKwh < 0)
            throw new ArgumentOutOfRangeException(nameof(usedKwh), $"energy must be 0 or more kWh (used {usedKwh}, baseline {baselineKwh})");
        if (to < from)
            throw new ArgumentException($"the stretch ends ({to:O}) before it starts ({from:O})", nameof(to));
        if (to == from)
        {
            // An instant: all of it at that moment's price.
            Add(from, usedKwh, baselineKwh, zone, tariff);
            return;
        }

        if (WithinOnePiece(from, to, zone, tariff))
        {
            // The cut below would return the stretch whole; a district records one short stretch per light's
            // report, and building the cut (three days of edges) for each was most of its work.
            Add(from + (to - from) / 2, usedKwh, baselineKwh, zone, tariff);
            return;
        }

        var total = (to - from).TotalSeconds;
        foreach (var (start, end) in Pieces(from, to, zone, tariff))
        {
            var share = (end - start).TotalSeconds / total;
            Add(start + (end - start) / 2, usedKwh * share, baselineKwh * share, zone, tariff);
        }
    }

    /// <summary>
    /// Adds one light burning at <paramref name="level"/> over [from, to), by the lamp power model; the baseline
    /// is full level while <paramref name="baselineLit"/> (dark, for the dusk-to-dawn baseline).
    /// </summary>
    public void RecordLevel(
        StreetlightParameters lamp, double level, bool baselineLit, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, Tariff tariff)
    {
        ArgumentNullException.ThrowIfNull(lamp);
        var hours = (to - from).TotalHours;
        var used = LampPowerModel.ExpectedWatts(lamp, level) * hours / 1000;
        var baseline = LampPowerModel.ExpectedWatts(lamp, baselineLit ? 1 : 0) * hours / 1000;
        Record(from, to, used, baseline, zone, tariff);
    }

    private void Add(DateTimeOffset at, double usedKwh, double baselineKwh, TimeZoneInfo zone, Tariff tariff)
    {
        var local = LocalClock.Local(at, zone);
        var date = DateOnly.FromDateTime(local);
        var price = tariff.PriceAt(TimeOnly.FromDateTime(local));
        var day = Day(date);
        if (day is null)
        {
            day = new DayEnergy { Date = date };
            var index = Days.FindIndex(d => d.Date > date);
            Days.Insert(index < 0 ? Days.Count : index, day);
            if (Days.Count > MaxDays)
                Days.RemoveAt(0);
        }
        day.UsedKwh += usedKwh;
        day.BaselineKwh += baselineKwh;
        day.UsedCost += (decimal)usedKwh * price;
        day.BaselineCost += (decimal)baselineKwh * price;
    }

    /// <summary>
    /// True when no local midnight or band edge lies inside (from, to): both ends on one local date, under one UTC
    /// offset (so local time runs on evenly between them), and no band's edge strictly between their local times.
    /// </summary>
    private static bool WithinOnePiece(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, Tariff tariff)
    {
        var offset = zone.GetUtcOffset(from);
        if (zone.GetUtcOffset(to) != offset)
            return false;
        var localFrom = from.ToOffset(offset).DateTime;
        var localTo = to.ToOffset(offset).DateTime;
        if (localFrom.Date != localTo.Date)
            return false;
        var (start, end) = (TimeOnly.FromDateTime(localFrom), TimeOnly.FromDateTime(localTo));
        foreach (var band in tariff.Bands)
        {
            if ((band.From > start && band.From < end) || (band.Until > start && band.Until < end))
                return false;
        }
        return true;
    }

    /// <summary>[from, to) cut at every local midnight and band edge inside it.</summary>
    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Pieces(
        DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, Tariff tariff)
    {
        var edges = new SortedSet<DateTimeOffset> { from, to };
        var firstDate = LocalClock.LocalDate(from, zone).AddDays(-1);
        var lastDate = LocalClock.LocalDate(to, zone).AddDays(1);
        var times = tariff.Bands.SelectMany(b => new[] { b.From, b.Until }).Append(TimeOnly.MinValue).Distinct().ToList();
        for (var date = firstDate; date <= lastDate; date = date.AddDays(1))
        {
            foreach (var time in times)
            {
                var edge = LocalClock.ToInstant(date, time, zone);
                if (edge > from && edge < to)
                    edges.Add(edge);
            }
        }

        DateTimeOffset? previous = null;
        foreach (var edge in edges)
        {
            if (previous is { } start)
                yield return (start, edge);
            previous = edge;
        }
    }
}
