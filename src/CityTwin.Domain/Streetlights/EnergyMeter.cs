namespace CityTwin.Domain.Streetlights;

/// <summary>
/// Integrates power between readings (trapezoid rule) into kWh used, and the energy the same lit time would
/// have cost at full level: the always-on baseline from which dimming savings follow.
/// </summary>
internal static class EnergyMeter
{
    /// <summary>Adds the interval since the previous reading; returns the kWh used in it.</summary>
    public static double Accumulate(
        StreetlightState state, StreetlightParameters parameters, double watts, bool lit, DateTimeOffset now)
    {
        var addedKwh = 0.0;
        if (state.LastReadingAt is { } last && state.MeterWatts is { } lastWatts && now > last)
        {
            var elapsed = now - last;
            var longestTrusted = parameters.ReportingInterval * parameters.MaxGapIntervals;
            double wattHours, litHours;
            if (elapsed <= longestTrusted)
            {
                var hours = elapsed.TotalHours;
                wattHours = (lastWatts + watts) / 2 * hours;
                litHours = ((state.MeterLit ? 1 : 0) + (lit ? 1 : 0)) / 2.0 * hours;
            }
            else
            {
                // Nobody knows when the lamp changed during a long silence: hold the last power for the
                // trusted span only, rather than inventing hours of consumption.
                var hours = longestTrusted.TotalHours;
                wattHours = lastWatts * hours;
                litHours = state.MeterLit ? hours : 0;
            }
            addedKwh = wattHours / 1000;
            state.EnergyUsedKwh += addedKwh;
            state.FullPowerEnergyKwh += LampPowerModel.ExpectedWatts(parameters, 1) * litHours / 1000;
        }
        state.MeterWatts = watts;
        state.MeterLit = lit;
        return addedKwh;
    }
}
