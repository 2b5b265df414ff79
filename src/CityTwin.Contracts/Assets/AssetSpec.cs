using System.Text.Json.Serialization;

namespace CityTwin.Contracts.Assets;

/// <summary>What a kind needs to know about its asset at provisioning (capacity, rated power, ...).</summary>
[GenerateSerializer, Alias("citytwin.AssetSpec")]
[JsonPolymorphic]
[JsonDerivedType(typeof(BinSpec), "bin")]
[JsonDerivedType(typeof(StreetlightSpec), "streetlight")]
[JsonDerivedType(typeof(IntersectionSpec), "intersection")]
[JsonDerivedType(typeof(TruckSpec), "truck")]
[JsonDerivedType(typeof(AirQualitySpec), "airquality")]
public abstract record AssetSpec
{
    /// <summary>Derived from the type (in JSON the "$type" discriminator carries it).</summary>
    [JsonIgnore]
    public abstract AssetKind Kind { get; }
}

/// <summary>A waste container (FIWARE WasteContainer).</summary>
[Immutable, GenerateSerializer, Alias("citytwin.BinSpec")]
public sealed record BinSpec(
    [property: Id(0)] double BinCapacityLitres,
    [property: Id(1)] double BinFullnessThreshold,
    [property: Id(2)] double DepthCm,
    [property: Id(3)] double MaxLoadKg) : AssetSpec
{
    [JsonIgnore]
    public override AssetKind Kind => AssetKind.Bin;
}

[Immutable, GenerateSerializer, Alias("citytwin.StreetlightSpec")]
public sealed record StreetlightSpec(
    [property: Id(0)] double RatedPowerWatts,
    [property: Id(1)] double StandbyPowerWatts) : AssetSpec
{
    [JsonIgnore]
    public override AssetKind Kind => AssetKind.Streetlight;
}

[Immutable, GenerateSerializer, Alias("citytwin.ApproachSpec")]
public sealed record ApproachSpec(
    [property: Id(0)] string Id,
    [property: Id(1)] string FromSegmentId,
    [property: Id(2)] double FreeFlowSpeedKmh,
    [property: Id(3)] int Lanes,
    [property: Id(4)] double? SaturationFlow,
    [property: Id(5)] int? Phase);

[Immutable, GenerateSerializer, Alias("citytwin.OutgoingSegmentSpec")]
public sealed record OutgoingSegmentSpec(
    [property: Id(0)] string Id,
    [property: Id(1)] string ToIntersectionId,
    [property: Id(2)] double LengthMetres,
    [property: Id(3)] double FreeFlowSpeedKmh);

/// <summary>Equal when every approach and segment is (a re-import of the same inventory changes nothing).</summary>
[Immutable, GenerateSerializer, Alias("citytwin.IntersectionSpec")]
public sealed record IntersectionSpec(
    [property: Id(0)] IReadOnlyList<ApproachSpec> Approaches,
    [property: Id(1)] IReadOnlyList<OutgoingSegmentSpec> OutgoingSegments,
    [property: Id(2)] int MinCycleSeconds = 40,
    [property: Id(3)] int MaxCycleSeconds = 120,
    [property: Id(4)] int MinGreenSeconds = 7,
    [property: Id(5)] int LostTimePerPhaseSeconds = 4) : AssetSpec
{
    [JsonIgnore]
    public override AssetKind Kind => AssetKind.Intersection;

    public bool Equals(IntersectionSpec? other) =>
        other is not null
        && SpecLists.Equal(Approaches, other.Approaches)
        && SpecLists.Equal(OutgoingSegments, other.OutgoingSegments)
        && (MinCycleSeconds, MaxCycleSeconds, MinGreenSeconds, LostTimePerPhaseSeconds)
            == (other.MinCycleSeconds, other.MaxCycleSeconds, other.MinGreenSeconds, other.LostTimePerPhaseSeconds);

    public override int GetHashCode() => HashCode.Combine(Approaches?.Count, OutgoingSegments?.Count, MinCycleSeconds, MaxCycleSeconds);
}

/// <summary>A waste-collection vehicle (FIWARE Vehicle).</summary>
[Immutable, GenerateSerializer, Alias("citytwin.TruckSpec")]
public sealed record TruckSpec(
    [property: Id(0)] double CapacityKg,
    [property: Id(1)] GeoPoint Depot) : AssetSpec
{
    [JsonIgnore]
    public override AssetKind Kind => AssetKind.Truck;
}

/// <summary>An air-quality sensor (FIWARE AirQualityObserved); pollutants named pm25, pm10, no2, o3.</summary>
[Immutable, GenerateSerializer, Alias("citytwin.AirQualitySpec")]
public sealed record AirQualitySpec(
    [property: Id(0)] IReadOnlyList<string> MeasuredPollutants) : AssetSpec
{
    [JsonIgnore]
    public override AssetKind Kind => AssetKind.AirQuality;

    public bool Equals(AirQualitySpec? other) => other is not null && SpecLists.Equal(MeasuredPollutants, other.MeasuredPollutants);

    public override int GetHashCode() => MeasuredPollutants?.Count ?? 0;
}

/// <summary>Records compare lists by reference; specs compare them item by item.</summary>
internal static class SpecLists
{
    public static bool Equal<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right) =>
        ReferenceEquals(left, right) || left is not null && right is not null && left.SequenceEqual(right);
}
