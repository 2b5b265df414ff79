namespace CityTwin.Simulator.City;

/// <summary>What kind of city to generate. The same options and seed always give the same city.</summary>
public sealed record CityOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Assets in the whole city, split over the districts.</summary>
    public int Assets { get; init; } = 3_000;

    public int Districts { get; init; } = 1;

    /// <summary>The city mix of ../shared/BENCHMARKS.md: streetlights outnumber everything in a real city.</summary>
    public CityMix Mix { get; init; } = CityMix.Default;

    /// <summary>Share of bins and streetlights that report through a gateway (LoRaWAN-style) rather than their own connection.</summary>
    public double GatewayShare { get; init; } = 0.9;

    /// <summary>Most assets one gateway speaks for.</summary>
    public int AssetsPerGateway { get; init; } = 50;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Assets < 10)
            errors.Add($"assets: {Assets}; a city needs at least 10");
        if (Districts < 1 || Districts > 99)
            errors.Add($"districts: {Districts}; use 1 to 99");
        else if (Assets / Districts < 10)
            errors.Add($"districts: {Districts} districts of {Assets} assets leave fewer than 10 a district");
        if (GatewayShare is < 0 or > 1)
            errors.Add($"gateway share: {GatewayShare}; use 0 to 1");
        if (AssetsPerGateway is < 1 or > 500)
            errors.Add($"assets per gateway: {AssetsPerGateway}; use 1 to 500 (a batch holds at most 500 readings)");
        errors.AddRange(Mix.Validate());
        return errors;
    }
}

/// <summary>Shares of each kind, summing to 1.</summary>
public sealed record CityMix(double Streetlights, double Bins, double AirQuality, double Intersections, double Trucks)
{
    public static CityMix Default { get; } = new(0.60, 0.30, 0.05, 0.04, 0.01);

    public double Share(AssetKind kind) => kind switch
    {
        AssetKind.Streetlight => Streetlights,
        AssetKind.Bin => Bins,
        AssetKind.AirQuality => AirQuality,
        AssetKind.Intersection => Intersections,
        AssetKind.Truck => Trucks,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public IReadOnlyList<string> Validate()
    {
        var shares = new[] { Streetlights, Bins, AirQuality, Intersections, Trucks };
        if (shares.Any(s => s < 0))
            return ["mix: a share is negative"];
        return Math.Abs(shares.Sum() - 1) > 1e-6 ? [$"mix: shares sum to {shares.Sum():0.###}, not 1"] : [];
    }
}
