using CityTwin.Grains.Persistence;
using Orleans.Runtime;

namespace CityTwin.Benchmarks.Storage;

/// <summary>Writes through like CityTwin's grains: a call returns only after its state is stored.</summary>
public sealed class WriteThroughBenchGrain(
    [PersistentState("benchWriteThrough", StorageNames.Provider)] IPersistentState<BenchState> state)
    : Grain, IWriteThroughBenchGrain
{
    public async Task Write(int value)
    {
        state.State.LastValue = value;
        state.State.WriteCount++;
        state.State.UpdatedAt = DateTimeOffset.UtcNow;
        await state.WriteStateAsync();
    }
}
