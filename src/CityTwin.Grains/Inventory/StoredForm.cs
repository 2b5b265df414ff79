using System.Text.Json;
using CityTwin.Contracts.Assets;
using CityTwin.Grains.Persistence;

namespace CityTwin.Grains.Inventory;

/// <summary>
/// Compares provisions as storage holds them. Record equality compares the lists inside a spec (an
/// intersection's approaches, a sensor's pollutants) by reference, so a provision read back from a twin
/// never equals the same provision read again from a file; their stored JSON does.
/// </summary>
public static class StoredForm
{
    public static bool Same(AssetProvision stored, AssetProvision candidate) =>
        stored == candidate
        || JsonSerializer.SerializeToUtf8Bytes(stored, JsonGrainStorageSerializer.Options)
            .AsSpan()
            .SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(candidate, JsonGrainStorageSerializer.Options));
}
