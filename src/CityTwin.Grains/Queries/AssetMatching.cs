using CityTwin.Contracts.Queries;
using CityTwin.Domain.Common;

namespace CityTwin.Grains.Queries;

/// <summary>The exact test of a live asset against a query's filters (the index only narrows; this decides).</summary>
public static class AssetMatching
{
    public static bool Matches(AssetQuery query, AssetListItem item)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(item);
        if (query.Kind is { } kind && item.Kind != kind)
            return false;
        if (query.DistrictId is { } district && item.DistrictId != district)
            return false;
        if (query.Status is { } status && !string.Equals(item.Status, status, StringComparison.Ordinal))
            return false;
        if (query.FillAbove is { } above && !(item.FillingLevel >= above))
            return false;
        if (query.FillBelow is { } below && !(item.FillingLevel < below))
            return false;
        if (query.Stale is { } stale && item.Stale != stale)
            return false;
        if (query.SensorHealth is { } health && !string.Equals(item.SensorHealth, health, StringComparison.Ordinal))
            return false;
        if (query.Box is { } box && (item.Location is not { } inBox || !box.Contains(inBox.Latitude, inBox.Longitude)))
            return false;
        if (query.Near is { } near
            && (item.Location is not { } at
                || GeoDistance.HaversineMetres(near.Centre.Latitude, near.Centre.Longitude, at.Latitude, at.Longitude) > near.RadiusMetres))
            return false;
        return true;
    }
}
