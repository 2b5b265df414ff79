using CityTwin.Domain.Common;

namespace CityTwin.Domain.Lighting;

/// <summary>
/// A price per kWh from <see cref="From"/> until <see cref="Until"/> local time; a band whose end is not after
/// its start runs over midnight (22:00–06:00). Bands follow the local clock through daylight-saving changes.
/// </summary>
public sealed record TariffBand(TimeOnly From, TimeOnly Until, decimal PricePerKwh)
{
    public bool Contains(TimeOnly time) =>
        From < Until ? time >= From && time < Until : time >= From || time < Until;
}

/// <summary>
/// An electricity tariff: a flat <see cref="PricePerKwh"/>, or time-of-day <see cref="Bands"/> with the flat
/// price for the hours no band covers.
/// </summary>
public sealed record Tariff(decimal PricePerKwh, IReadOnlyList<TariffBand> Bands, string Currency = "EUR")
{
    public static Tariff Flat(decimal pricePerKwh, string currency = "EUR") => new(pricePerKwh, [], currency);

    public decimal PriceAt(TimeOnly localTime)
    {
        foreach (var band in Bands)
        {
            if (band.Contains(localTime))
                return band.PricePerKwh;
        }
        return PricePerKwh;
    }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var violations = new List<RuleViolation>();
        if (PricePerKwh < 0)
            violations.Add(new("pricePerKwh", $"{PricePerKwh} is negative"));
        if (string.IsNullOrWhiteSpace(Currency) || Currency.Length != 3)
            violations.Add(new("currency", $"'{Currency}' is not a three-letter ISO 4217 code"));
        for (var i = 0; i < Bands.Count; i++)
        {
            var band = Bands[i];
            if (band.PricePerKwh < 0)
                violations.Add(new($"bands[{i}].pricePerKwh", $"{band.PricePerKwh} is negative"));
            if (band.From == band.Until)
                violations.Add(new($"bands[{i}]", $"starts and ends at {band.From:HH\\:mm}: an empty band"));
            for (var j = 0; j < i; j++)
            {
                if (Overlap(Bands[j], band))
                    violations.Add(new($"bands[{i}]", $"{band.From:HH\\:mm}-{band.Until:HH\\:mm} overlaps bands[{j}] {Bands[j].From:HH\\:mm}-{Bands[j].Until:HH\\:mm}"));
            }
        }
        return violations;
    }

    // Two bands overlap when either one's start lies inside the other.
    private static bool Overlap(TariffBand a, TariffBand b) => a.From != a.Until && b.From != b.Until
        && (a.Contains(b.From) || b.Contains(a.From));
}
