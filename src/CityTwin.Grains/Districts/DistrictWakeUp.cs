using CityTwin.Contracts.City;
using CityTwin.Contracts.Districts;

namespace CityTwin.Grains.Districts;

/// <summary>
/// Wakes every district of the city directory when a silo starts, so that staleness is watched after a
/// restart even in districts nobody has called yet.
/// </summary>
public sealed class DistrictWakeUp(IGrainFactory grains) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        var districts = await grains.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).ListDistricts();
        await Task.WhenAll(districts.Select(d => grains.GetGrain<IDistrictGrain>(d.Id).GetCounts()));
    }
}
