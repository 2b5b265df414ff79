using CityTwin.Host.Configuration;
using CityTwin.Host.Persistence;
using CityTwin.Testing;
using Orleans.Storage;

namespace CityTwin.Integration.Tests.Storage;

/// <summary>
/// What the ADO.NET provider must do against our own schema scripts, on both databases: round trips,
/// optimistic concurrency, a unique row per grain, and state names that keep grain classes apart.
/// </summary>
public abstract class StorageContractTests : IAsyncLifetime
{
    private StorageSilo silo = null!;

    protected abstract Task<StorageEndpoint> CreateEndpointAsync();

    protected StorageSilo Silo => silo;

    public async Task InitializeAsync() => silo = await StorageSilo.StartAsync(await CreateEndpointAsync());

    public virtual async Task DisposeAsync() => await silo.DisposeAsync();

    private static GrainId StringKeyed(string key) => GrainId.Create("contract", key);

    private static GrainId IntegerKeyed(long key, string? extension) =>
        GrainId.Create(GrainType.Create("contract"), GrainIdKeyExtensions.CreateIntegerKey(key, extension));

    [Fact]
    public async Task Write_read_and_clear_round_trip()
    {
        var id = StringKeyed($"bin-{Guid.NewGuid():N}");
        var written = new StoredProbe(new() { Level = 0.42, Label = "north" });
        await Silo.GrainStorage.WriteStateAsync("probe", id, written);
        Assert.NotNull(written.ETag);

        var read = new StoredProbe();
        await Silo.GrainStorage.ReadStateAsync("probe", id, read);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(0.42, read.State.Level);
        Assert.Equal("north", read.State.Label);

        read.State.Level = 0.5;
        await Silo.GrainStorage.WriteStateAsync("probe", id, read);
        Assert.NotEqual(written.ETag, read.ETag);

        await Silo.GrainStorage.ClearStateAsync("probe", id, read);
        var afterClear = new StoredProbe();
        await Silo.GrainStorage.ReadStateAsync("probe", id, afterClear);
        Assert.False(afterClear.RecordExists);
        Assert.Equal(0, afterClear.State.Level);
    }

    [Fact]
    public async Task Integer_keys_with_and_without_extension_are_distinct_rows()
    {
        var key = Random.Shared.NextInt64(1, long.MaxValue);
        await Silo.GrainStorage.WriteStateAsync("probeInt", IntegerKeyed(key, null), new StoredProbe(new() { Label = "plain" }));
        await Silo.GrainStorage.WriteStateAsync("probeInt", IntegerKeyed(key, "ext"), new StoredProbe(new() { Label = "extended" }));

        var plain = new StoredProbe();
        await Silo.GrainStorage.ReadStateAsync("probeInt", IntegerKeyed(key, null), plain);
        var extended = new StoredProbe();
        await Silo.GrainStorage.ReadStateAsync("probeInt", IntegerKeyed(key, "ext"), extended);
        Assert.Equal("plain", plain.State.Label);
        Assert.Equal("extended", extended.State.Label);
    }

    [Fact]
    public async Task A_stale_etag_is_refused()
    {
        var id = StringKeyed($"light-{Guid.NewGuid():N}");
        await Silo.GrainStorage.WriteStateAsync("probe", id, new StoredProbe(new() { Level = 1 }));
        var first = new StoredProbe();
        var second = new StoredProbe();
        await Silo.GrainStorage.ReadStateAsync("probe", id, first);
        await Silo.GrainStorage.ReadStateAsync("probe", id, second);

        first.State.Level = 2;
        await Silo.GrainStorage.WriteStateAsync("probe", id, first);
        second.State.Level = 3;
        await Assert.ThrowsAsync<InconsistentStateException>(() => Silo.GrainStorage.WriteStateAsync("probe", id, second));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Silo.GrainStorage.ClearStateAsync("probe", id, second));

        var stored = new StoredProbe();
        await Silo.GrainStorage.ReadStateAsync("probe", id, stored);
        Assert.Equal(2, stored.State.Level);
    }

    [Fact]
    public async Task A_first_write_over_an_existing_row_is_refused()
    {
        var id = StringKeyed($"truck-{Guid.NewGuid():N}");
        await Silo.GrainStorage.WriteStateAsync("probe", id, new StoredProbe(new() { Label = "first" }));
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Silo.GrainStorage.WriteStateAsync("probe", id, new StoredProbe(new() { Label = "blind" })));
    }

    [Fact]
    public async Task Of_two_concurrent_first_writes_exactly_one_succeeds_and_one_row_exists()
    {
        const int grains = 20;
        var stateName = $"race{Guid.NewGuid():N}"[..12];
        var outcomes = await Task.WhenAll(Enumerable.Range(0, grains).Select(async i =>
        {
            var id = StringKeyed($"grain-{i}");
            var writes = new[] { "a", "b" }.Select(label => Task.Run(async () =>
            {
                try
                {
                    await Silo.GrainStorage.WriteStateAsync(stateName, id, new StoredProbe(new() { Label = label }));
                    return true;
                }
                catch (InconsistentStateException)
                {
                    return false;
                }
            }));
            return (await Task.WhenAll(writes)).Count(succeeded => succeeded);
        }));

        Assert.All(outcomes, succeeded => Assert.Equal(1, succeeded));
        Assert.Equal(grains, await Silo.CountRowsAsync(stateName));
    }

    [Fact]
    public async Task Two_grain_classes_with_one_key_and_their_own_state_names_never_share_a_row()
    {
        var id = StringKeyed("shared-key");
        await Silo.GrainStorage.WriteStateAsync("binState", id, new StoredProbe(new() { Label = "bin" }));
        await Silo.GrainStorage.WriteStateAsync("lightState", id, new StoredProbe(new() { Label = "light" }));

        var bin = new StoredProbe();
        var light = new StoredProbe();
        await Silo.GrainStorage.ReadStateAsync("binState", id, bin);
        await Silo.GrainStorage.ReadStateAsync("lightState", id, light);
        Assert.Equal("bin", bin.State.Label);
        Assert.Equal("light", light.State.Label);
        Assert.Equal(1, await Silo.CountRowsAsync("binState"));
        Assert.Equal(1, await Silo.CountRowsAsync("lightState"));
    }

    [Fact]
    public async Task Reapplying_every_script_keeps_stored_state()
    {
        var id = StringKeyed($"keep-{Guid.NewGuid():N}");
        var state = new StoredProbe(new() { Label = "kept", Level = 7 });
        await Silo.GrainStorage.WriteStateAsync("probe", id, state);

        await using (var connection = await Silo.Endpoint.OpenAsync(CancellationToken.None))
        {
            foreach (var script in SchemaScripts.For(Silo.Endpoint.Settings.Provider))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = script.Sql;
                await command.ExecuteNonQueryAsync();
            }
        }
        Assert.Empty(await Silo.Endpoint.ApplySchemaAsync(CancellationToken.None));

        var read = new StoredProbe();
        await Silo.GrainStorage.ReadStateAsync("probe", id, read);
        Assert.Equal("kept", read.State.Label);
        Assert.Equal(state.ETag, read.ETag);
        read.State.Level = 8;
        await Silo.GrainStorage.WriteStateAsync("probe", id, read);

        await using var check = await Silo.Endpoint.OpenAsync(CancellationToken.None);
        await using var versions = check.CreateCommand();
        versions.CommandText = "SELECT count(*), count(DISTINCT Version) FROM CityTwinSchemaVersion";
        await using var reader = await versions.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var expected = SchemaScripts.For(Silo.Endpoint.Settings.Provider).Count;
        Assert.Equal(expected, Convert.ToInt32(reader.GetValue(0)));
        Assert.Equal(expected, Convert.ToInt32(reader.GetValue(1)));
    }
}

/// <summary>A grain's state as the provider sees it, never null (unlike GrainState&lt;T&gt;).</summary>
public sealed class StoredProbe(ProbeState? initial = null) : IGrainState<ProbeState>
{
    private ProbeState state = initial ?? new ProbeState();

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public ProbeState State { get => state; set => state = value ?? new ProbeState(); }

    public string? ETag { get; set; }
    public bool RecordExists { get; set; }
}

public sealed class ProbeState
{
    public double Level { get; set; }
    public string Label { get; set; } = "";
}

public sealed class SqliteStorageContractTests : StorageContractTests
{
    private readonly TempDirectory directory = new("citytwin-sqlite");

    protected override Task<StorageEndpoint> CreateEndpointAsync() =>
        Task.FromResult(new StorageEndpoint(new StorageSettings(
            StorageProvider.Sqlite, directory.Path, null, SqliteSynchronous.Normal, ApplySchemaOnStart: true)));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }
}

public sealed class PostgreSqlStorageContractTests : StorageContractTests
{
    protected override async Task<StorageEndpoint> CreateEndpointAsync() =>
        new(new StorageSettings(
            StorageProvider.PostgreSql, "", await SharedPostgreSql.CreateDatabaseAsync("contract"), SqliteSynchronous.Normal, ApplySchemaOnStart: true));
}
