namespace CityTwin.Domain.Common;

/// <summary>Small statistics helpers for the rules.</summary>
public static class Statistics
{
    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count); sorts them in place.</summary>
    public static double Median(Span<double> values)
    {
        if (values.IsEmpty)
            throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>The median of three values.</summary>
    public static double Median(double a, double b, double c) =>
        Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
