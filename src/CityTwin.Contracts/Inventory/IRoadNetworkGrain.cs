using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Common;

namespace CityTwin.Contracts.Inventory;

/// <summary>
/// A district's road network, keyed by district id: the segments routing and dimming read. Changes are
/// written through before they are acknowledged; reads interleave and see only what is stored.
/// </summary>
[Alias("citytwin.IRoadNetworkGrain")]
public interface IRoadNetworkGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds segments or replaces those with the same id; segments not named stay. Every segment must be
    /// in this district. All or nothing; upserting what is already stored writes nothing. Errors name
    /// the segment by its position in <paramref name="segments"/>, e.g. "segments[3].lanes".
    /// </summary>
    [Alias("UpsertSegments")]
    Task<CommandResult> UpsertSegments(IReadOnlyList<RoadSegment> segments);

    /// <summary>All of the district's segments, ordered by id.</summary>
    [Alias("GetSegments"), AlwaysInterleave]
    Task<IReadOnlyList<RoadSegment>> GetSegments();

    /// <summary>
    /// The segment nearest <paramref name="point"/> within <see cref="RoadNetworks.AttachDistanceMetres"/>,
    /// or null when none is that near.
    /// </summary>
    [Alias("Nearest"), AlwaysInterleave]
    Task<RoadSegmentMatch?> Nearest(GeoPoint point);
}

public static class RoadNetworks
{
    /// <summary>
    /// How near a road an asset must be to belong to it: a streetlight or bin stands beside its street,
    /// and 200 m also covers one set back across a square, without reaching the next street over.
    /// </summary>
    public const double AttachDistanceMetres = 200;
}
