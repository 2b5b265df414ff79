namespace CityTwin.Routing.Collection;

/// <summary>
/// What a bin adds to a truck's load, in kg: its load cell's weight when it has one, else its volume of
/// waste at the given bulk density. 0.12 kg/l is our assumption for loose mixed municipal waste in a street
/// container (before the truck compacts it); a city replaces it with its own figure.
/// </summary>
public static class BinDemand
{
    public const double DefaultDensityKgPerLitre = 0.12;

    /// <summary>At least 1 kg, so that every selected bin counts against capacity.</summary>
    public static long Kg(double? cargoWeightKg, double? fillingLevel, double capacityLitres, double densityKgPerLitre = DefaultDensityKgPerLitre)
    {
        if (cargoWeightKg is { } weight && double.IsFinite(weight) && weight > 0)
            return Math.Max(1, (long)Math.Ceiling(weight));
        // An unknown level counts as full: a bin collected on age has no reading to go by.
        var level = fillingLevel is { } l && double.IsFinite(l) ? Math.Clamp(l, 0, 1) : 1;
        return Math.Max(1, (long)Math.Ceiling(level * Math.Max(0, capacityLitres) * densityKgPerLitre));
    }
}
