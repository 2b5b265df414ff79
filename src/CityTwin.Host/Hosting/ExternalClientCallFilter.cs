using System.Security.Cryptography;
using System.Text;
using CityTwin.Contracts.Queries;
using CityTwin.Grains.Devices;
using Microsoft.Extensions.Logging;

namespace CityTwin.Host.Hosting;

/// <summary>
/// Orleans gateways do not authenticate, so a call from an external client (one connected to the gateway, not
/// the host's own in-process client, not a grain) reaches only the query contract, <see cref="ICityQueryGrain"/>.
/// The host's own CLI presents <see cref="GatewayAdmin"/>'s token, derived from the device credential key it
/// shares with the host, and may call anything. Every refusal is logged.
/// </summary>
public sealed class ExternalClientCallFilter(CredentialKey key, ILogger<ExternalClientCallFilter> logger) : IIncomingGrainCallFilter
{
    private readonly byte[] adminToken = Encoding.UTF8.GetBytes(GatewayAdmin.Token(key));

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (!IsExternalClient(context.SourceId) || GrainTypePrefix.IsSystemTarget(context.TargetId)
            || context.InterfaceMethod?.DeclaringType == typeof(ICityQueryGrain) || PresentsAdminToken())
            return context.Invoke();
        logger.LogWarning("Refused {Interface}.{Method} from external client {Client}: not on the query contract",
            context.InterfaceName, context.MethodName, context.SourceId);
        throw new UnauthorizedAccessException(
            $"{context.InterfaceName}.{context.MethodName} refused: external clients may call only {nameof(ICityQueryGrain)} (the query contract)");
    }

    /// <summary>A client that is not a silo's own hosted client (whose id is <c>hosted-{silo address}</c>).</summary>
    /// <remarks>Asked on every grain call, the host's own readings included: the key's bytes are compared, not copied into a string.</remarks>
    private static bool IsExternalClient(GrainId? source) =>
        source is { } id && GrainTypePrefix.IsClient(id) && !id.Key.AsSpan().StartsWith("hosted-"u8);

    private bool PresentsAdminToken() =>
        RequestContext.Get(GatewayAdmin.ContextKey) is string presented
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), adminToken);
}

/// <summary>The token that lets the host's own CLI past <see cref="ExternalClientCallFilter"/>.</summary>
public static class GatewayAdmin
{
    /// <summary>The request-context key the token travels under.</summary>
    public const string ContextKey = "citytwin.gateway-admin";

    /// <summary>A keyed hash of a fixed label: whoever holds the device credential key can derive it, nobody else.</summary>
    public static string Token(CredentialKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Hash("citytwin-gateway-admin-v1");
    }
}
