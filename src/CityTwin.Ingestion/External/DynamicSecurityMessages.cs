using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityTwin.Ingestion.External;

// The JSON of $CONTROL/dynamic-security/v1 as Mosquitto 2.0 reads and writes it (plugins/dynamic-security/README.md).

internal sealed record DynamicSecurityRequest(
    [property: JsonPropertyName("commands")] IReadOnlyList<DynamicSecurityCommand> Commands);

internal sealed record DynamicSecurityCommand([property: JsonPropertyName("command")] string Command)
{
    [JsonPropertyName("username")] public string? Username { get; init; }
    [JsonPropertyName("password")] public string? Password { get; init; }
    [JsonPropertyName("clientid")] public string? ClientId { get; init; }
    [JsonPropertyName("rolename")] public string? RoleName { get; init; }
    [JsonPropertyName("roles")] public IReadOnlyList<RoleReference>? Roles { get; init; }
    [JsonPropertyName("acls")] public IReadOnlyList<AclEntry>? Acls { get; init; }
    [JsonPropertyName("verbose")] public bool? Verbose { get; init; }
    [JsonPropertyName("count")] public int? Count { get; init; }
    [JsonPropertyName("offset")] public int? Offset { get; init; }
    [JsonPropertyName("correlationData")] public string? CorrelationData { get; init; }
}

internal sealed record RoleReference([property: JsonPropertyName("rolename")] string RoleName);

internal sealed record AclEntry(
    [property: JsonPropertyName("acltype")] string AclType,
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("priority")] int Priority,
    [property: JsonPropertyName("allow")] bool Allow);

internal sealed record DynamicSecurityResponses(
    [property: JsonPropertyName("responses")] IReadOnlyList<DynamicSecurityResponse>? Responses);

internal sealed record DynamicSecurityResponse(
    [property: JsonPropertyName("command")] string? Command,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("data")] JsonElement? Data,
    [property: JsonPropertyName("correlationData")] string? CorrelationData);

internal sealed record ClientListData(
    [property: JsonPropertyName("totalCount")] int TotalCount,
    [property: JsonPropertyName("clients")] IReadOnlyList<ClientEntry>? Clients);

internal sealed record ClientEntry(
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("clientid")] string? ClientId,
    [property: JsonPropertyName("disabled")] bool? Disabled,
    [property: JsonPropertyName("roles")] IReadOnlyList<RoleReference>? Roles);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DynamicSecurityRequest))]
[JsonSerializable(typeof(DynamicSecurityResponses))]
[JsonSerializable(typeof(ClientListData))]
internal sealed partial class DynamicSecurityJson : JsonSerializerContext;
