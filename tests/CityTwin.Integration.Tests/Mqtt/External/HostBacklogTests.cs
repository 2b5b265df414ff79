using CityTwin.Contracts.Assets;
using CityTwin.Ingestion.External;
using CityTwin.Testing.Mqtt;

namespace CityTwin.Integration.Tests.Mqtt.External;

/// <summary>A broker of its own: the test restarts it.</summary>
public sealed class HostBacklogTests
{
    /// <summary>Above Mosquitto's default max_queued_messages (1,000): with the defaults, a third would be dropped.</summary>
    private const int Backlog = 1500;

    [Fact]
    public async Task A_stopped_hosts_persistent_session_receives_the_whole_backlog_even_across_a_broker_restart()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var hostPassword = ExternalBroker.NewSecret();
        var devicePassword = ExternalBroker.NewSecret();
        await using (var admin = await DynamicSecurityClient.ConnectAsync(new BrokerConnection(broker.Host, broker.Port, MosquittoBroker.AdminUsername, broker.AdminPassword)))
        {
            await admin.EnsureRoleAsync(DeviceAclTemplate.Host());
            await admin.CreateClientAsync(ExternalBroker.HostUsername, hostPassword, [DeviceAclTemplate.HostRoleName], bindClientIdToUsername: false);
            await admin.ProvisionAsync(DeviceAclTemplate.Device("dev-1", "north", AssetKind.Bin, "bin-1"), "dev-1", devicePassword);
        }
        var hostConnection = new BrokerConnection(broker.Host, broker.Port, ExternalBroker.HostUsername, hostPassword);
        const string hostClientId = "citytwin-host-silo-1";
        await using (var first = await HostSession.ConnectAsync(hostConnection, hostClientId))
            Assert.False(first.SessionPresent);

        var device = broker.Plain with { Username = "dev-1", Password = devicePassword, ClientId = "dev-1", Version = MqttVersion.V311, Qos = 1 };
        var published = await MosquittoClients.PublishLinesAsync(device, "city/north/bin/bin-1/telemetry",
            Enumerable.Range(1, Backlog).Select(i => $"{{\"seq\":{i}}}"), TimeSpan.FromSeconds(30));
        Assert.True(published.ExitCode == 0, published.ToString());
        await broker.RestartAsync();

        await using var resumed = await HostSession.ConnectAsync(hostConnection, hostClientId);
        var complete = await resumed.WaitForCountAsync(Backlog, TimeSpan.FromSeconds(30));

        Assert.True(resumed.SessionPresent);
        Assert.True(complete, $"{resumed.Received.Count} of {Backlog} queued messages arrived");
        Assert.Equal(
            Enumerable.Range(1, Backlog).Select(i => $"{{\"seq\":{i}}}").ToHashSet(),
            resumed.Received.Select(m => m.Payload).ToHashSet());
        Assert.All(resumed.Received, m => Assert.Equal("city/north/bin/bin-1/telemetry", m.Topic));
    }
}
