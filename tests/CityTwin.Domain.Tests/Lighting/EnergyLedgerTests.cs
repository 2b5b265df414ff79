using CityTwin.Domain.Lighting;
using CityTwin.Domain.Streetlights;

namespace CityTwin.Domain.Tests.Lighting;

public class EnergyLedgerTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly StreetlightParameters Lamp = new() { RatedPowerWatts = 100, StandbyPowerWatts = 1 };

    // Night rate 23:00-07:00 local.
    private static readonly Tariff DayNight = new(0.30m, [new TariffBand(new(23, 0), new(7, 0), 0.10m)]);

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        CityTwin.Domain.Common.LocalClock.ToInstant(new DateTime(2025, month, day, hour, minute, 0), Amsterdam);

    [Fact]
    public void A_flat_tariff_prices_every_kwh_alike_and_counts_the_saving_against_full_level()
    {
        var ledger = new EnergyLedger();

        ledger.RecordLevel(Lamp, 0.4, baselineLit: true, Local(1, 15, 18), Local(1, 15, 20), Amsterdam, Tariff.Flat(0.25m));

        var day = ledger.Day(new DateOnly(2025, 1, 15))!;
        Assert.Equal((1 + 40) * 2 / 1000.0, day.UsedKwh, 9);
        Assert.Equal((1 + 100) * 2 / 1000.0, day.BaselineKwh, 9);
        Assert.Equal(0.082m * 0.25m, decimal.Round(day.UsedCost, 6));
        Assert.Equal(0.12, day.SavedKwh, 9);
    }

    [Fact]
    public void A_stretch_over_midnight_and_band_edges_is_split_by_local_day_and_band()
    {
        var ledger = new EnergyLedger();

        // 22:00 to 02:00: 1 h at the day rate and 1 h at night rate on the 15th, 2 h at night rate on the 16th.
        ledger.Record(Local(1, 15, 22), Local(1, 16, 2), usedKwh: 4, baselineKwh: 8, Amsterdam, DayNight);

        var first = ledger.Day(new DateOnly(2025, 1, 15))!;
        var second = ledger.Day(new DateOnly(2025, 1, 16))!;
        Assert.Equal(2, first.UsedKwh, 9);
        Assert.Equal(2, second.UsedKwh, 9);
        Assert.Equal(1 * 0.30m + 1 * 0.10m, decimal.Round(first.UsedCost, 9));
        Assert.Equal(2 * 0.10m, decimal.Round(second.UsedCost, 9));
        Assert.Equal(2 * (0.30m + 0.10m), decimal.Round(first.BaselineCost, 9));
    }

    [Fact]
    public void The_short_spring_night_has_one_hour_less_at_the_night_rate()
    {
        var ledger = new EnergyLedger();

        // 30 March 2025: clocks go from 02:00 to 03:00. 22:00 on the 29th to 08:00 on the 30th is 9 real hours.
        var from = Local(3, 29, 22);
        var to = Local(3, 30, 8);
        Assert.Equal(9, (to - from).TotalHours);
        ledger.Record(from, to, usedKwh: 9, baselineKwh: 9, Amsterdam, DayNight);

        var cost = ledger.Days.Sum(d => d.UsedCost);
        // 22-23 day rate, 23:00-07:00 local is 7 real hours at night rate, 07-08 day rate.
        Assert.Equal(2 * 0.30m + 7 * 0.10m, decimal.Round(cost, 9));
        Assert.Equal(2, ledger.Day(new DateOnly(2025, 3, 29))!.UsedKwh, 9);
        Assert.Equal(7, ledger.Day(new DateOnly(2025, 3, 30))!.UsedKwh, 9); // a 23-hour local day
    }

    [Fact]
    public void The_twin_s_metered_energy_goes_into_the_day_it_was_drawn()
    {
        var state = new StreetlightState();
        var ledger = new EnergyLedger();
        var t0 = Local(1, 15, 23, 45);
        StreetlightRules.Apply(state, Lamp, new(IlluminanceLevel: 1, PowerConsumption: 101), t0);
        var baselineBefore = state.FullPowerEnergyKwh;

        var outcome = StreetlightRules.Apply(state, Lamp, new(IlluminanceLevel: 1, PowerConsumption: 101), t0.AddMinutes(30));
        ledger.Record(t0, t0.AddMinutes(30), outcome.EnergyAddedKwh, state.FullPowerEnergyKwh - baselineBefore, Amsterdam, Tariff.Flat(0.2m));

        Assert.Equal(101 * 0.25 / 1000, ledger.Day(new DateOnly(2025, 1, 15))!.UsedKwh, 9);
        Assert.Equal(101 * 0.25 / 1000, ledger.Day(new DateOnly(2025, 1, 16))!.UsedKwh, 9);
    }

    [Fact]
    public void Overlapping_bands_and_negative_prices_are_refused()
    {
        var tariff = new Tariff(-1m, [new(new(22, 0), new(6, 0), 0.1m), new(new(5, 0), new(8, 0), 0.2m), new(new(9, 0), new(9, 0), 0.2m)], "EURO");

        Assert.Equal(["pricePerKwh", "currency", "bands[1]", "bands[2]"], tariff.Validate().Select(v => v.Field));
        Assert.Empty(DayNight.Validate());
    }

    [Fact]
    public void Many_short_stretches_add_up_to_what_one_long_stretch_records_across_midnight_bands_and_clock_changes()
    {
        // One light's draw reported every 7 minutes around the clock for a week spanning the autumn clock change:
        // the short stretches (mostly inside one piece) and the week recorded as one stretch (cut at every edge) must agree per day.
        var fine = new EnergyLedger();
        var coarse = new EnergyLedger();
        var start = Local(10, 24, 0);
        var end = Local(10, 31, 0);
        const double kwhPerHour = 0.1;
        for (var at = start; at < end; at = at.AddMinutes(7))
        {
            var until = at.AddMinutes(7) < end ? at.AddMinutes(7) : end;
            fine.Record(at, until, kwhPerHour * (until - at).TotalHours, 2 * kwhPerHour * (until - at).TotalHours, Amsterdam, DayNight);
        }
        var hours = (end - start).TotalHours;
        coarse.Record(start, end, kwhPerHour * hours, 2 * kwhPerHour * hours, Amsterdam, DayNight);

        Assert.Equal(coarse.Days.Select(d => d.Date), fine.Days.Select(d => d.Date));
        foreach (var day in coarse.Days)
        {
            var other = fine.Day(day.Date)!;
            Assert.Equal(day.UsedKwh, other.UsedKwh, 9);
            Assert.Equal(day.BaselineKwh, other.BaselineKwh, 9);
            Assert.Equal(decimal.Round(day.UsedCost, 9), decimal.Round(other.UsedCost, 9));
            Assert.Equal(decimal.Round(day.BaselineCost, 9), decimal.Round(other.BaselineCost, 9));
        }
        // The day of the clock change has 25 hours, 9 of them at the night rate (00:00-07:00 with 02:00-03:00 twice, and 23:00-24:00).
        var changeDay = fine.Day(new DateOnly(2025, 10, 26))!;
        Assert.Equal(2.5, changeDay.UsedKwh, 9);
        Assert.Equal(0.9m * 0.10m + 1.6m * 0.30m, decimal.Round(changeDay.UsedCost, 9));
    }
}
