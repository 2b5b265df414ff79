using CityTwin.Domain.Lighting;

namespace CityTwin.Grains.Districts.Lighting;

/// <summary>The electricity tariff for streetlight energy; bound from the <c>Lighting</c> configuration section.</summary>
public sealed class LightingOptions
{
    public decimal PricePerKwh { get; set; } = 0.25m;

    public string Currency { get; set; } = "EUR";

    /// <summary>Time-of-day prices in local time; hours no band covers cost <see cref="PricePerKwh"/>.</summary>
    public List<TariffBandOption> Bands { get; set; } = [];

    /// <summary>The district looks at its lights at least this often, whatever else is due.</summary>
    public TimeSpan MaxEvaluationInterval { get; set; } = TimeSpan.FromMinutes(15);

    public Tariff ToTariff()
    {
        var tariff = new Tariff(PricePerKwh, [.. Bands.Select(b => new TariffBand(b.From, b.Until, b.PricePerKwh))], Currency);
        var violations = tariff.Validate();
        if (violations.Count > 0)
            throw new InvalidOperationException("Lighting tariff settings are invalid: "
                + string.Join("; ", violations.Select(v => $"Lighting:{v.Field} {v.Message}")));
        return tariff;
    }
}

public sealed class TariffBandOption
{
    public TimeOnly From { get; set; }

    public TimeOnly Until { get; set; }

    public decimal PricePerKwh { get; set; }
}
