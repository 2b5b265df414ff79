using CityTwin.Contracts.City;
using CityTwin.Contracts.Common;
using CityTwin.Domain.City;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Telemetry;
using Orleans.Runtime;

namespace CityTwin.Grains.City;

public sealed class CityDirectoryGrain(
    [PersistentState(StorageNames.CityDirectoryState, StorageNames.Provider)] IPersistentState<CityDirectoryState> directory)
    : Grain, ICityDirectoryGrain
{
    public async Task<CommandResult> UpsertDistrict(District district)
    {
        ArgumentNullException.ThrowIfNull(district);
        var violations = DistrictRules.Validate(
            district.Id, district.Name, district.TimeZone, district.CentreLatitude, district.CentreLongitude);
        if (violations.Count > 0)
        {
            CityTwinMetrics.RejectedCommands.Add(1, new KeyValuePair<string, object?>("command", "upsertDistrict"));
            return CommandResult.Rejected([.. violations.Select(v => new FieldError(v.Field, v.Message))]);
        }

        if (directory.State.Districts.TryGetValue(district.Id, out var existing) && existing == district)
            return CommandResult.Ok;

        directory.State.Districts[district.Id] = district;
        await WriteThroughOrUndo(() =>
        {
            if (existing is null) directory.State.Districts.Remove(district.Id);
            else directory.State.Districts[district.Id] = existing;
        });
        CityTwinMetrics.DirectoryChanges.Add(1, new KeyValuePair<string, object?>("operation", "upsert"));
        return CommandResult.Ok;
    }

    public async Task<CommandResult> RemoveDistrict(string districtId)
    {
        if (!directory.State.Districts.Remove(districtId, out var removed))
            return CommandResult.Rejected("districtId", $"no district '{districtId}'");
        await WriteThroughOrUndo(() => directory.State.Districts[districtId] = removed);
        CityTwinMetrics.DirectoryChanges.Add(1, new KeyValuePair<string, object?>("operation", "remove"));
        return CommandResult.Ok;
    }

    public Task<District?> GetDistrict(string districtId) =>
        Task.FromResult(directory.State.Districts.GetValueOrDefault(districtId));

    public Task<IReadOnlyList<District>> ListDistricts() =>
        Task.FromResult<IReadOnlyList<District>>(
            [.. directory.State.Districts.Values.OrderBy(d => d.Id, StringComparer.Ordinal)]);

    /// <summary>
    /// Acknowledge only what is stored: if the write fails, the in-memory state goes back to what
    /// storage holds and the caller sees the failure.
    /// </summary>
    private async Task WriteThroughOrUndo(Action undo)
    {
        try
        {
            await directory.WriteStateAsync();
        }
        catch
        {
            undo();
            throw;
        }
    }
}
