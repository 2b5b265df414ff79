using System.Collections.Concurrent;

namespace CityTwin.Contracts.Common;

/// <summary>
/// Grain references by key without Orleans' per-call reflection. <c>GetGrain&lt;T&gt;(key)</c> reads T's grain
/// interface attributes and formats its name on every call (Orleans 10.4), which profiles of the ingestion path put at a
/// quarter of a reading's handling in the dispatcher and a third of a twin's telling its district, and of the HTTP
/// API at a sixth of a twin-by-id request's allocations: here each interface's grain and interface types are
/// resolved once, and references are built from grain ids. In Contracts so that every caller (grains, ingestion,
/// the HTTP API) shares the one instance registered in the silo's services.
/// </summary>
public sealed class GrainReferences(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)> types = new();
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> interfaces = new();

    public T Get<T>(string key) where T : IGrainWithStringKey
    {
        var (grain, @interface) = types.GetOrAdd(typeof(T), static (_, factory) =>
        {
            // Any key resolves the types: each of our interfaces keyed by string has one grain class.
            var sample = (GrainReference)(object)factory.GetGrain<T>("type-probe");
            return (sample.GrainId.Type, sample.InterfaceType);
        }, grains);
        return (T)grains.GetGrain(GrainId.Create(grain, key), @interface);
    }

    /// <summary>A reference to the grain <paramref name="id"/> through interface T, which several grain classes may implement.</summary>
    public T Get<T>(GrainId id) where T : IAddressable
    {
        if (!interfaces.TryGetValue(typeof(T), out var @interface))
            interfaces[typeof(T)] = @interface = ((GrainReference)(object)grains.GetGrain<T>(id)).InterfaceType;
        return (T)grains.GetGrain(id, @interface);
    }
}
