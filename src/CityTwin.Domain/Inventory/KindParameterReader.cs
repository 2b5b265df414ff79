using static System.FormattableString;

namespace CityTwin.Domain.Inventory;

/// <summary>
/// Reads an asset row's kind parameters as typed values, collecting a problem for each one that is
/// missing or unusable. A failed read returns a placeholder: check <see cref="Problems"/> before using
/// any value. Ranges beyond "positive" and "a fraction" are the kind's own rules, checked when the asset
/// is provisioned.
/// </summary>
public sealed class KindParameterReader(InventoryRow row)
{
    public List<RowProblem> Problems { get; } = [];

    /// <summary>A required number above zero, e.g. a capacity in litres.</summary>
    public double PositiveNumber(string name, string unit)
    {
        if (Number(name) is not { } value)
            return 0;
        if (value <= 0)
            Problem(name, Invariant($"{value} is not a positive number of {unit}"));
        return value;
    }

    /// <summary>An optional number, <paramref name="fallback"/> when the cell is empty; never below zero.</summary>
    public double NonNegativeNumber(string name, string unit, double fallback)
    {
        if (!row.Parameters.ContainsKey(name))
            return fallback;
        if (Number(name) is not { } value)
            return 0;
        if (value < 0)
            Problem(name, Invariant($"{value} is not a number of {unit} (it is below zero)"));
        return value;
    }

    /// <summary>An optional fraction in (0, 1], <paramref name="fallback"/> when the cell is empty.</summary>
    public double Fraction(string name, double fallback)
    {
        if (!row.Parameters.ContainsKey(name))
            return fallback;
        if (Number(name) is not { } value)
            return 0;
        if (value is <= 0 or > 1)
            Problem(name, Invariant($"{value} is not a fraction above 0 and at most 1 (e.g. 0.8 for 80%)"));
        return value;
    }

    /// <summary>A required position given as two columns.</summary>
    public GeoCoordinate Position(string latitudeName, string longitudeName)
    {
        var latitude = Number(latitudeName);
        var longitude = Number(longitudeName);
        if (latitude is < -90 or > 90)
            Problem(latitudeName, Invariant($"{latitude} is outside -90..90"));
        if (longitude is < -180 or > 180)
            Problem(longitudeName, Invariant($"{longitude} is outside -180..180"));
        return new GeoCoordinate(latitude ?? 0, longitude ?? 0);
    }

    /// <summary>A required list of lower-case names separated by spaces or ';', each once, in the order given.</summary>
    public IReadOnlyList<string> Names(string name)
    {
        var names = row.Parameters.GetValueOrDefault(name)?
            .Split([' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (names is null or { Count: 0 })
            Problem(name, $"is required for a {row.Kind}");
        return names ?? [];
    }

    private double? Number(string name)
    {
        if (!row.Parameters.TryGetValue(name, out var text))
            Problem(name, $"is required for a {row.Kind}");
        else if (InventoryNumbers.TryParse(text, out var value))
            return value;
        else
            Problem(name, InventoryNumbers.NotANumber(text));
        return null;
    }

    private void Problem(string field, string message) => Problems.Add(new RowProblem(row.Row, row.AssetId, field, message));
}
