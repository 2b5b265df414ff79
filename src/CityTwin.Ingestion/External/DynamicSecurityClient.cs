using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;

namespace CityTwin.Ingestion.External;

/// <summary>
/// Drives Mosquitto's dynamic-security plugin over MQTT: JSON commands published to
/// <see cref="RequestTopic"/>, answers read from <see cref="ResponseTopic"/> and matched by their
/// correlation data. Connects as the admin client made by <c>mosquitto_ctrl dynsec init</c>
/// (deploy/mosquitto/README.md). Safe to share: requests may run concurrently.
/// </summary>
public sealed class DynamicSecurityClient : IAsyncDisposable
{
    public const string RequestTopic = "$CONTROL/dynamic-security/v1";
    public const string ResponseTopic = RequestTopic + "/response";
    private const int ListPageSize = 1000;

    private readonly BrokerConnection connection;
    private readonly TimeSpan requestTimeout;
    private readonly IMqttClient client;
    private readonly string clientId;
    private readonly SemaphoreSlim connectGate = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<IReadOnlyList<DynamicSecurityResponse>>> pending = new();

    private DynamicSecurityClient(BrokerConnection connection, TimeSpan requestTimeout)
    {
        this.connection = connection;
        this.requestTimeout = requestTimeout;
        clientId = $"{connection.Username}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += OnResponse;
    }

    /// <param name="requestTimeout">How long to wait for the plugin's answer; 10 s when null.</param>
    public static async Task<DynamicSecurityClient> ConnectAsync(BrokerConnection connection, TimeSpan? requestTimeout = null, CancellationToken cancellationToken = default)
    {
        var dynamicSecurity = new DynamicSecurityClient(connection, requestTimeout ?? TimeSpan.FromSeconds(10));
        try
        {
            await dynamicSecurity.EnsureConnectedAsync(cancellationToken);
            return dynamicSecurity;
        }
        catch
        {
            await dynamicSecurity.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the role, or replaces the ACLs of the role of that name.</summary>
    public async Task EnsureRoleAsync(DynamicSecurityRole role, CancellationToken cancellationToken = default)
    {
        var responses = await ExecuteAsync([CreateRole(role), ModifyRole(role)], cancellationToken);
        ThrowOnError(responses, tolerated: RoleExists);
    }

    public async Task DeleteRoleAsync(string roleName, CancellationToken cancellationToken = default) =>
        ThrowOnError(await ExecuteAsync([new("deleteRole") { RoleName = roleName }], cancellationToken));

    /// <summary>
    /// A new broker client. With <paramref name="bindClientIdToUsername"/> (devices, gateways) a
    /// connection presenting these credentials with any client id but the username is refused;
    /// without it (the host, whose silos each need an id of their own) any client id is accepted.
    /// </summary>
    public async Task CreateClientAsync(string username, string password, IReadOnlyList<string> roleNames, bool bindClientIdToUsername = true, CancellationToken cancellationToken = default) =>
        ThrowOnError(await ExecuteAsync([CreateClient(username, password, roleNames, bindClientIdToUsername)], cancellationToken));

    /// <summary>Ensures the role and creates a client holding it, in one request: how a device or gateway is provisioned.</summary>
    public async Task ProvisionAsync(DynamicSecurityRole role, string username, string password, CancellationToken cancellationToken = default)
    {
        var responses = await ExecuteAsync([CreateRole(role), ModifyRole(role), CreateClient(username, password, [role.Name], bindClientIdToUsername: true)], cancellationToken);
        ThrowOnError(responses, tolerated: RoleExists);
    }

    /// <summary>
    /// Ensures the role, and a client bound to its username holding it with this password, whether or not
    /// the client existed: issuing again after a half-done attempt converges instead of failing. A live
    /// session of the client (on its old password) is cut, as a rotation requires.
    /// </summary>
    public async Task UpsertAsync(DynamicSecurityRole role, string username, string password, CancellationToken cancellationToken = default)
    {
        var responses = await ExecuteAsync([
            CreateRole(role), ModifyRole(role),
            CreateClient(username, password, [role.Name], bindClientIdToUsername: true),
            new("setClientPassword") { Username = username, Password = password },
            // Mosquitto keeps sessions open across a password change; disabling disconnects them.
            new("disableClient") { Username = username },
            new("enableClient") { Username = username }], cancellationToken);
        ThrowOnError(responses, tolerated: [.. RoleExists, "Client already exists"]);
    }

    /// <summary>Revocation that tolerates what is already gone: cut off, then forgotten with its role.</summary>
    public async Task ForgetAsync(string username, string roleName, CancellationToken cancellationToken = default) =>
        ThrowOnError(await ExecuteAsync([
            new("disableClient") { Username = username },
            new("deleteClient") { Username = username },
            new("deleteRole") { RoleName = roleName }], cancellationToken),
            tolerated: ["Client not found", "Role not found"]);

    /// <summary>Rotation: the old password stops working for new connections at once.</summary>
    public async Task SetClientPasswordAsync(string username, string password, CancellationToken cancellationToken = default) =>
        ThrowOnError(await ExecuteAsync([new("setClientPassword") { Username = username, Password = password }], cancellationToken));

    /// <summary>Refuses the client's future connections and disconnects its live sessions at once.</summary>
    public async Task DisableClientAsync(string username, CancellationToken cancellationToken = default) =>
        ThrowOnError(await ExecuteAsync([new("disableClient") { Username = username }], cancellationToken));

    public async Task EnableClientAsync(string username, CancellationToken cancellationToken = default) =>
        ThrowOnError(await ExecuteAsync([new("enableClient") { Username = username }], cancellationToken));

    /// <summary>Removes the client; its live sessions are disconnected (disable first if you keep the record).</summary>
    public async Task DeleteClientAsync(string username, CancellationToken cancellationToken = default) =>
        ThrowOnError(await ExecuteAsync([new("deleteClient") { Username = username }], cancellationToken));

    /// <summary>Revocation of a provisioned device or gateway: cut off, then forgotten with its role.</summary>
    public async Task RevokeAsync(string username, string roleName, CancellationToken cancellationToken = default) =>
        ThrowOnError(await ExecuteAsync([
            new("disableClient") { Username = username },
            new("deleteClient") { Username = username },
            new("deleteRole") { RoleName = roleName }], cancellationToken));

    /// <summary>The client, or null when the plugin has none of that name.</summary>
    public async Task<BrokerClient?> GetClientAsync(string username, CancellationToken cancellationToken = default)
    {
        var responses = await ExecuteAsync([new("getClient") { Username = username }], cancellationToken);
        if (responses[0].Error == "Client not found") return null;
        ThrowOnError(responses);
        var entry = responses[0].Data?.GetProperty("client").Deserialize(DynamicSecurityJson.Default.ClientEntry)
            ?? throw new DynamicSecurityException("getClient", "the answer has no client");
        return ToBrokerClient(entry);
    }

    /// <summary>Every client the plugin knows, read in pages.</summary>
    public async Task<IReadOnlyList<BrokerClient>> ListClientsAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<BrokerClient>();
        while (true)
        {
            var responses = await ExecuteAsync([new("listClients") { Verbose = true, Count = ListPageSize, Offset = all.Count }], cancellationToken);
            ThrowOnError(responses);
            var page = responses[0].Data?.Deserialize(DynamicSecurityJson.Default.ClientListData)
                ?? throw new DynamicSecurityException("listClients", "the answer has no data");
            var clients = page.Clients ?? [];
            all.AddRange(clients.Select(ToBrokerClient));
            if (clients.Count == 0 || all.Count >= page.TotalCount) return all;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            try { await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build()); }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException) { }
        }
        client.Dispose();
        connectGate.Dispose();
    }

    private static readonly string[] RoleExists = ["Role already exists"];

    private static DynamicSecurityCommand CreateRole(DynamicSecurityRole role) =>
        new("createRole") { RoleName = role.Name, Acls = ToEntries(role.Acls) };

    private static DynamicSecurityCommand ModifyRole(DynamicSecurityRole role) =>
        new("modifyRole") { RoleName = role.Name, Acls = ToEntries(role.Acls) };

    private static DynamicSecurityCommand CreateClient(string username, string password, IReadOnlyList<string> roleNames, bool bindClientIdToUsername) =>
        new("createClient")
        {
            Username = username,
            Password = password,
            ClientId = bindClientIdToUsername ? username : null,
            Roles = [.. roleNames.Select(r => new RoleReference(r))],
        };

    private static List<AclEntry> ToEntries(IReadOnlyList<TopicAcl> acls) =>
        [.. acls.Select(a => new AclEntry(WireName(a.Type), a.Topic, a.Priority, a.Allow))];

    private static string WireName(AclType type) => type switch
    {
        AclType.PublishClientSend => "publishClientSend",
        AclType.PublishClientReceive => "publishClientReceive",
        AclType.SubscribeLiteral => "subscribeLiteral",
        AclType.SubscribePattern => "subscribePattern",
        AclType.UnsubscribeLiteral => "unsubscribeLiteral",
        AclType.UnsubscribePattern => "unsubscribePattern",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static BrokerClient ToBrokerClient(ClientEntry entry) =>
        new(entry.Username, entry.ClientId, entry.Disabled ?? false, [.. (entry.Roles ?? []).Select(r => r.RoleName)]);

    private static void ThrowOnError(IReadOnlyList<DynamicSecurityResponse> responses, IReadOnlyCollection<string>? tolerated = null)
    {
        foreach (var response in responses)
        {
            if (response.Error is null || (tolerated?.Contains(response.Error) ?? false)) continue;
            throw new DynamicSecurityException(response.Command ?? "?", response.Error);
        }
    }

    /// <summary>Sends the commands in one message and returns the plugin's answers, one per command, in order.</summary>
    private async Task<IReadOnlyList<DynamicSecurityResponse>> ExecuteAsync(IReadOnlyList<DynamicSecurityCommand> commands, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", commands.Select(c => c.Command));
        await EnsureConnectedAsync(cancellationToken);
        var correlation = Guid.NewGuid().ToString("N");
        var answer = new TaskCompletionSource<IReadOnlyList<DynamicSecurityResponse>>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[correlation] = answer;
        try
        {
            var request = new DynamicSecurityRequest([.. commands.Select(c => c with { CorrelationData = correlation })]);
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(RequestTopic)
                .WithPayload(JsonSerializer.SerializeToUtf8Bytes(request, DynamicSecurityJson.Default.DynamicSecurityRequest))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            var published = await client.PublishAsync(message, cancellationToken);
            if (!published.IsSuccess)
                throw new DynamicSecurityException(names, $"the broker refused the request ({published.ReasonCode}); is '{connection.Username}' the dynamic-security admin?");
            IReadOnlyList<DynamicSecurityResponse> responses;
            try { responses = await answer.Task.WaitAsync(requestTimeout, cancellationToken); }
            catch (TimeoutException) { throw new DynamicSecurityException(names, $"no answer within {requestTimeout.TotalSeconds:0.#} s"); }
            if (responses.Count != commands.Count)
                throw new DynamicSecurityException(names, $"{responses.Count} answers to {commands.Count} commands");
            return responses;
        }
        finally
        {
            pending.TryRemove(correlation, out _);
        }
    }

    private Task OnResponse(MqttApplicationMessageReceivedEventArgs e)
    {
        if (e.ApplicationMessage.Topic != ResponseTopic) return Task.CompletedTask;
        DynamicSecurityResponses? parsed;
        try
        {
            var reader = new Utf8JsonReader(e.ApplicationMessage.Payload);
            parsed = JsonSerializer.Deserialize(ref reader, DynamicSecurityJson.Default.DynamicSecurityResponses);
        }
        catch (JsonException)
        {
            return Task.CompletedTask; // not ours to judge: another admin's garbage gets an error answer of its own
        }
        var responses = parsed?.Responses;
        var correlation = responses?.Select(r => r.CorrelationData).FirstOrDefault(c => c is not null);
        if (responses is not null && correlation is not null && pending.TryGetValue(correlation, out var answer))
            answer.TrySetResult(responses);
        return Task.CompletedTask;
    }

    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (client.IsConnected) return;
        await connectGate.WaitAsync(cancellationToken);
        try
        {
            if (client.IsConnected) return;
            var options = connection.ToOptionsBuilder().WithClientId(clientId).WithCleanStart(true).Build();
            var connected = await client.ConnectAsync(options, cancellationToken);
            if (connected.ResultCode != MqttClientConnectResultCode.Success)
                throw new DynamicSecurityException("connect", $"{connected.ResultCode} {connected.ReasonString}".Trim());
            var subscribed = await client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter(ResponseTopic, MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                cancellationToken);
            var code = subscribed.Items.Single().ResultCode;
            if (code > MqttClientSubscribeResultCode.GrantedQoS2)
                throw new DynamicSecurityException("subscribe", $"{ResponseTopic} refused ({code}); is '{connection.Username}' the dynamic-security admin?");
        }
        finally
        {
            connectGate.Release();
        }
    }
}
