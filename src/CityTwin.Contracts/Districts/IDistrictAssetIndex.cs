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
}

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
