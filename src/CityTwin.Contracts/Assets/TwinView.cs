namespace CityTwin.Contracts.Assets;

/// <summary>
/// A twin as one read shows it: <see cref="TwinStatus"/>, its provisioning record, and its kind's own state
/// (<see cref="Twin"/>: a BinTwin, StreetlightTwin, ...; null before its first reading). One grain call
/// instead of three for the HTTP API's twin by id.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.TwinView")]
public sealed record TwinView(
    [property: Id(0)] TwinStatus Status,
    [property: Id(1)] AssetRecord? Record,
    [property: Id(2)] object? Twin);
