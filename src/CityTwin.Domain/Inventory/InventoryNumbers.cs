using System.Globalization;

namespace CityTwin.Domain.Inventory;

/// <summary>Numbers in inventory files are written the invariant way: '.' for decimals, no thousands separators.</summary>
public static class InventoryNumbers
{
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Why <paramref name="text"/> is not a number, with the likely fix.</summary>
    public static string NotANumber(string text) =>
        text.Contains(',', StringComparison.Ordinal)
            ? $"'{text}' is not a number (write decimals with '.', without thousands separators)"
            : $"'{text}' is not a number";
}
