using CityTwin.Contracts.Queries;

namespace CityTwin.Grains.Queries;

/// <summary>Configuration section <c>Queries</c>: how far one page of the query API may fan out.</summary>
public sealed class QueryOptions
{
    /// <summary>Live twins one page asks at most; never above <see cref="QueryLimits.MaxTwinsAskedPerPage"/>.</summary>
    public int MaxTwinsAskedPerPage { get; set; } = QueryLimits.MaxTwinsAskedPerPage;

    /// <summary>Twin calls in flight at once; never above <see cref="QueryLimits.MaxConcurrentTwinCalls"/>.</summary>
    public int MaxConcurrentTwinCalls { get; set; } = QueryLimits.MaxConcurrentTwinCalls;

    internal int TwinsPerPage => Math.Clamp(MaxTwinsAskedPerPage, 1, QueryLimits.MaxTwinsAskedPerPage);

    internal int ConcurrentCalls => Math.Clamp(MaxConcurrentTwinCalls, 1, QueryLimits.MaxConcurrentTwinCalls);
}
