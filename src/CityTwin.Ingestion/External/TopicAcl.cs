namespace CityTwin.Ingestion.External;

/// <summary>
/// The checks Mosquitto's dynamic-security plugin makes. "Literal" entries match the subscription
/// filter as written (wildcards are plain characters); "Pattern" entries match it as a filter.
/// </summary>
public enum AclType
{
    /// <summary>The client publishes to the topic.</summary>
    PublishClientSend,

    /// <summary>The broker delivers a message on the topic to the client.</summary>
    PublishClientReceive,

    SubscribeLiteral,
    SubscribePattern,
    UnsubscribeLiteral,
    UnsubscribePattern,
}

/// <summary>One allow or deny entry of a role. Higher priority entries are checked first.</summary>
public sealed record TopicAcl(AclType Type, string Topic, bool Allow = true, int Priority = 0);

/// <summary>A named set of topic ACLs, assigned to broker clients.</summary>
public sealed record DynamicSecurityRole(string Name, IReadOnlyList<TopicAcl> Acls);

/// <summary>A broker client as the plugin lists it.</summary>
public sealed record BrokerClient(string Username, string? ClientId, bool Disabled, IReadOnlyList<string> Roles);
