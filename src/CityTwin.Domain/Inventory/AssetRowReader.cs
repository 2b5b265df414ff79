using CityTwin.Domain.Common;
using static System.FormattableString;

namespace CityTwin.Domain.Inventory;

/// <summary>Turns one asset's values, by column name, into an <see cref="InventoryRow"/>: the same checks for CSV rows and GeoJSON Points.</summary>
internal static class AssetRowReader
{
    /// <param name="values">The row's non-empty values by canonical column name.</param>
    /// <param name="position">The position, when the format's own reading of it succeeded (its problems are already reported).</param>
    /// <returns>The row, or null when something was wrong (then <paramref name="problems"/> says what).</returns>
    public static InventoryRow? Read(int row, IReadOnlyDictionary<string, string> values, GeoCoordinate? position, List<RowProblem> problems)
    {
        var before = problems.Count;
        var assetId = values.GetValueOrDefault(InventoryColumns.AssetId);
        void Problem(string field, string message) => problems.Add(new RowProblem(row, assetId, field, message));

        foreach (var field in new[] { InventoryColumns.AssetId, InventoryColumns.DistrictId, InventoryColumns.DeviceId })
        {
            if (Identifiers.Check(field, values.GetValueOrDefault(field)) is { } bad)
                Problem(bad.Field, bad.Message);
        }

        var kind = values.GetValueOrDefault(InventoryColumns.Kind)?.ToLowerInvariant();
        IReadOnlyList<string>? kindParameters = null;
        if (kind is null)
            Problem(InventoryColumns.Kind, $"is required: one of {InventoryColumns.KindList}");
        else if (!InventoryColumns.ParametersByKind.TryGetValue(kind, out kindParameters))
            Problem(InventoryColumns.Kind, $"'{values[InventoryColumns.Kind]}' is not a kind of asset: use one of {InventoryColumns.KindList}");

        if (position is { } at)
        {
            if (!double.IsFinite(at.Latitude) || at.Latitude is < -90 or > 90)
                Problem(InventoryColumns.Latitude, Invariant($"{at.Latitude} is outside -90..90"));
            if (!double.IsFinite(at.Longitude) || at.Longitude is < -180 or > 180)
                Problem(InventoryColumns.Longitude, Invariant($"{at.Longitude} is outside -180..180"));
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in InventoryColumns.Parameters)
        {
            if (!values.TryGetValue(name, out var value))
                continue;
            if (kindParameters is not null && !kindParameters.Contains(name))
                Problem(name, NotAParameterOf(kind!, kindParameters));
            parameters[name] = value;
        }

        if (problems.Count > before || position is not { } location)
            return null;
        return new InventoryRow(row, assetId!, kind!, values[InventoryColumns.DistrictId], location.Latitude, location.Longitude,
            values[InventoryColumns.DeviceId], parameters);
    }

    private static string NotAParameterOf(string kind, IReadOnlyList<string> kindParameters) =>
        kindParameters.Count == 0
            ? $"is not a parameter of an {kind}: it takes none (its approaches come from the road network); leave the cell empty"
            : $"is not a parameter of a {kind} (a {kind} takes {string.Join(", ", kindParameters)}); leave the cell empty";
}
