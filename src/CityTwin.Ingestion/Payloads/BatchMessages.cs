using System.Text.Json;

namespace CityTwin.Ingestion.Payloads;

/// <summary>A gateway's batch: <c>{"readings":[{"assetId":..., "ts":..., "boot":..., "seq":..., fields of the asset's kind}, ...]}</c>.</summary>
public sealed class BatchMessage
{
    public List<JsonElement>? Readings { get; set; }
}

/// <summary>What a gateway receives on its response topic for one batch.</summary>
public sealed record BatchResultMessage(int Applied, int Duplicates, int Late, IReadOnlyList<RejectedReadingMessage> Rejected);

/// <summary>One refused reading of a batch, by its position in <c>readings</c>.</summary>
public sealed record RejectedReadingMessage(int Index, string? AssetId, IReadOnlyList<FieldError> Errors);
