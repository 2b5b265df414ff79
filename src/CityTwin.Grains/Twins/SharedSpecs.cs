using System.Collections.Concurrent;
using CityTwin.Contracts.Assets;

namespace CityTwin.Grains.Twins;

/// <summary>
/// What many twins hold identically, held once: a city has a handful of lamp types, bin models and
/// districts but hundreds of thousands of lights and bins, and each twin's record is read from its own
/// JSON row. A twin's record gets the shared spec and district id; its kind gets parameters shared by
/// every twin of the same spec (rules only read parameters). Bounded, so a city of one-off specs costs
/// no more than it did: past <see cref="MaxShared"/> distinct values, each twin keeps its own.
/// </summary>
public static class SharedSpecs
{
    public const int MaxShared = 4096;

    private static readonly ConcurrentDictionary<AssetSpec, AssetSpec> Specs = new();
    private static readonly ConcurrentDictionary<string, string> DistrictIds = new(StringComparer.Ordinal);

    /// <summary>The record with its spec and district id shared; the same record when they already are.</summary>
    public static AssetRecord Share(AssetRecord record)
    {
        var provision = record.Provision;
        var spec = Share(Specs, provision.Spec);
        var districtId = Share(DistrictIds, provision.DistrictId);
        return ReferenceEquals(spec, provision.Spec) && ReferenceEquals(districtId, provision.DistrictId)
            ? record
            : record with { Provision = provision with { Spec = spec, DistrictId = districtId } };
    }

    private static T Share<T>(ConcurrentDictionary<T, T> pool, T value) where T : notnull =>
        pool.TryGetValue(value, out var shared) ? shared
        : pool.Count < MaxShared ? pool.GetOrAdd(value, value)
        : value;
}

/// <summary>A kind's parameters, built once per distinct spec and shared (see <see cref="SharedSpecs"/>).</summary>
public sealed class SharedParameters<TSpec, TParameters>(Func<TSpec, TParameters> build) where TSpec : AssetSpec
{
    private readonly ConcurrentDictionary<TSpec, TParameters> built = new();

    public TParameters For(TSpec spec) =>
        built.TryGetValue(spec, out var parameters) ? parameters
        : built.Count < SharedSpecs.MaxShared ? built.GetOrAdd(spec, build)
        : build(spec);
}
