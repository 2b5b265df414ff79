using CityTwin.Domain.Common;

namespace CityTwin.Savings.District;

/// <summary>
/// The simulator's truth about one bin, hidden from the rules: how much waste has been thrown into it since
/// <see cref="Origin"/>, as a fraction of its volume, hour by hour (linear within an hour). Its level at any
/// instant is what was thrown in since it was last emptied; above 1 the waste lies beside the bin.
/// </summary>
public sealed class TrueFill
{
    private readonly double[] cumulative;

    public TrueFill(DateTimeOffset origin, double[] hourlyFill, double meanRatePerHour)
    {
        ArgumentNullException.ThrowIfNull(hourlyFill);
        Origin = origin;
        MeanRatePerHour = meanRatePerHour;
        cumulative = new double[hourlyFill.Length + 1];
        for (var h = 0; h < hourlyFill.Length; h++)
            cumulative[h + 1] = cumulative[h] + hourlyFill[h];
    }

    public DateTimeOffset Origin { get; }

    public DateTimeOffset End => Origin.AddHours(cumulative.Length - 1);

    /// <summary>The long-run mean fill rate per hour the process was drawn around (what a city's records would show).</summary>
    public double MeanRatePerHour { get; }

    /// <summary>Fill thrown in over [<see cref="Origin"/>, <paramref name="at"/>).</summary>
    public double ThrownInBy(DateTimeOffset at)
    {
        var hours = (at - Origin).TotalHours;
        if (hours < 0 || at > End)
            throw new ArgumentOutOfRangeException(nameof(at), at, $"the process covers {Origin:O} to {End:O}");
        var whole = Math.Min((int)Math.Floor(hours), cumulative.Length - 2);
        return cumulative[whole] + (hours - whole) * (cumulative[whole + 1] - cumulative[whole]);
    }

    /// <summary>The level at <paramref name="at"/> of a bin last emptied at <paramref name="emptiedAt"/>.</summary>
    public double LevelAt(DateTimeOffset at, DateTimeOffset emptiedAt) => ThrownInBy(at) - ThrownInBy(emptiedAt);

    /// <summary>The first instant in [<paramref name="from"/>, <paramref name="to"/>) when the thrown-in fill reaches <paramref name="amount"/>; null if it does not.</summary>
    public DateTimeOffset? WhenThrownInReaches(double amount, DateTimeOffset from, DateTimeOffset to)
    {
        if (ThrownInBy(from) >= amount)
            return from;
        if (ThrownInBy(to) < amount)
            return null;
        // cumulative never decreases: the first hour whose end reaches the amount, then linear inside it.
        var h = Math.Max(0, (int)Math.Floor((from - Origin).TotalHours));
        while (cumulative[h + 1] < amount)
            h++;
        var inHour = (amount - cumulative[h]) / (cumulative[h + 1] - cumulative[h]);
        var at = Origin.AddHours(h + inHour);
        return at < from ? from : at;
    }

    /// <summary>
    /// Hours in [<paramref name="from"/>, <paramref name="to"/>) the bin spent overflowing (level at or over 1),
    /// given when it was last emptied before <paramref name="from"/> and its emptyings within the stretch.
    /// </summary>
    public double OverflowHours(DateTimeOffset from, DateTimeOffset to, DateTimeOffset emptiedBefore, IEnumerable<DateTimeOffset> emptyings)
    {
        var total = 0.0;
        var emptied = emptiedBefore;
        var start = from;
        foreach (var at in emptyings.Where(e => e >= from && e < to).Order().Append(to))
        {
            if (WhenThrownInReaches(ThrownInBy(emptied) + 1.0, start, at) is { } over)
                total += (at - over).TotalHours;
            emptied = at;
            start = at;
        }
        return total;
    }

    /// <summary>Draws a bin's hidden fill: its mean rate shaped by its place's week, a day-to-day factor, hourly noise and rare surges (a market, a party).</summary>
    internal static TrueFill Draw(
        Simulation.SeededRandom random, DateTimeOffset origin, int hours, double meanRatePerHour, double[] weeklyWeights, TimeZoneInfo zone,
        double surgeChancePerDay, double surgeFill)
    {
        var fill = new double[hours];
        var dayFactor = 1.0;
        var surgeHoursLeft = 0;
        for (var h = 0; h < hours; h++)
        {
            var at = origin.AddHours(h);
            var hourOfWeek = LocalHours.HourOfWeek(at, zone);
            if (h % 24 == 0)
            {
                dayFactor = random.LogNormalFactor(0.25);
                if (random.Chance(surgeChancePerDay))
                    surgeHoursLeft = 3;
            }
            var amount = meanRatePerHour * weeklyWeights[hourOfWeek] * dayFactor * random.LogNormalFactor(0.5);
            if (surgeHoursLeft > 0 && hourOfWeek % 24 >= 17)
            {
                amount += surgeFill / 3;
                surgeHoursLeft--;
            }
            fill[h] = amount;
        }
        // The surges are part of the long-run mean a city would have on record.
        return new TrueFill(origin, fill, meanRatePerHour + surgeChancePerDay * surgeFill / 24);
    }
}
