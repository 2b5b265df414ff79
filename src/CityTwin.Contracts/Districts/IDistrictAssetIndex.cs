using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Queries;

namespace CityTwin.Contracts.Districts;

/// <summary>
/// A district's asset index, the narrowing step of the query API (<see cref="ICityQueryGrain"/>): per enrolled
/// asset a few small codes (kind, status, value band, sensor health, stale) and its location, kept from the same
/// notifications as the district's picture. Not for external clients: the query grain asks it, then asks the
/// candidates' live twins for their exact values.
/// </summary>
[Alias("citytwin.IDistrictAssetIndex")]
public interface IDistrictAssetIndex : IGrainWithStringKey
{
    /// <summary>
    /// The district's assets that may match <paramref name="query"/> (the index never leaves out one that matches;
    /// it may keep one whose exact value then does not), in asset id order (ordinal), strictly after
    /// <paramref name="afterAssetId"/>, at most <paramref name="limit"/>. Not interleaved: it answers after every
    /// notification that reached the district before it.
    /// </summary>
    [Alias("FindCandidates")]
    Task<IndexCandidates> FindCandidates(AssetQuery query, string? afterAssetId, int limit);

    /// <summary>
    /// Open data per grid cell of <paramref name="cellMetres"/> (see the domain's GridCells), from the index alone:
    /// only cells with at least <paramref name="k"/> assets; never an asset id; trucks are left out (they move).
    /// </summary>
    [Alias("GetCellAggregates"), AlwaysInterleave]
    Task<IReadOnlyList<CellAggregate>> GetCellAggregates(double cellMetres, int k);
}

/// <summary>
/// One grid cell's open figures. Bin service level = share of bins not in the top fill quarter (75-100 %);
/// lights working = lights whose status is ok; congestion index = mean congested level of its intersections,
/// 0 (free) .. 1 (gridlock); air quality = mean European Air Quality Index (1 good .. 6 extremely poor) of its
/// sensors that have one, and the worst level among them.
/// </summary>
[Immutable, GenerateSerializer, Alias("citytwin.CellAggregate")]
public sealed record CellAggregate(
    [property: Id(0)] string CellId,
    [property: Id(1)] double South,
    [property: Id(2)] double West,
    [property: Id(3)] double North,
    [property: Id(4)] double East,
    [property: Id(5)] int Assets,
    [property: Id(6)] int Bins,
    [property: Id(7)] double? BinServiceLevel,
    [property: Id(8)] int Lights,
    [property: Id(9)] int LightsWorking,
    [property: Id(10)] int Intersections,
    [property: Id(11)] double? CongestionIndex,
    [property: Id(12)] int AirQualitySensors,
    [property: Id(13)] double? AirQualityIndex,
    [property: Id(14)] string? AirQualityLevel);

/// <param name="More">More candidates follow the last one (ask again after it).</param>
[Immutable, GenerateSerializer, Alias("citytwin.IndexCandidates")]
public sealed record IndexCandidates(
    [property: Id(0)] IReadOnlyList<IndexCandidate> Candidates,
    [property: Id(1)] bool More);

/// <param name="Location">Where the asset was provisioned, as enrolment told the district (null before it enrolled since the district activated).</param>
[Immutable, GenerateSerializer, Alias("citytwin.IndexCandidate")]
public sealed record IndexCandidate(
    [property: Id(0)] string AssetId,
    [property: Id(1)] AssetKind Kind,
    [property: Id(2)] GeoPoint? Location);
