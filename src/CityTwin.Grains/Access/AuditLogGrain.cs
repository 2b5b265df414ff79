using CityTwin.Contracts.Access;
using CityTwin.Grains.Persistence;
using Orleans.Runtime;

namespace CityTwin.Grains.Access;

public sealed class AuditLogState
{
    public List<AuditEntry> Entries { get; set; } = [];
}

public sealed class AuditLogGrain(
    [PersistentState(StorageNames.AuditLogState, StorageNames.Provider)] IPersistentState<AuditLogState> log)
    : Grain, IAuditLogGrain
{
    public async Task Append(AuditEntry entry)
    {
        log.State.Entries.Add(entry);
        try
        {
            await log.WriteStateAsync();
        }
        catch
        {
            log.State.Entries.RemoveAt(log.State.Entries.Count - 1);
            throw;
        }
    }

    public Task<IReadOnlyList<AuditEntry>> List(int limit) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. Enumerable.Reverse(log.State.Entries).Take(Math.Max(0, limit))]);
}
