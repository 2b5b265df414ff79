using CityTwin.Contracts.Assets;
using CityTwin.Ingestion.External;
using CityTwin.Testing.Mqtt;

namespace CityTwin.Integration.Tests.Mqtt.External;

/// <summary>A broker of its own: the test restarts it.</summary>
public sealed class BrokerRestartTests
{
    [Fact]
    public async Task Provisioned_credentials_survive_a_broker_restart_and_the_admin_client_reconnects()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var admin = await DynamicSecurityClient.ConnectAsync(new BrokerConnection(broker.Host, broker.Port, MosquittoBroker.AdminUsername, broker.AdminPassword));
        var password = ExternalBroker.NewSecret();
        await admin.ProvisionAsync(DeviceAclTemplate.Device("dev-r", "south", AssetKind.Streetlight, "lamp-r"), "dev-r", password);

        await broker.RestartAsync();
        // The plugin wrote its JSON as the broker's user; the admin client's next request reconnects.
        var rotated = ExternalBroker.NewSecret();
        await admin.SetClientPasswordAsync("dev-r", rotated);
        var device = broker.Plain with { Username = "dev-r", Password = rotated, ClientId = "dev-r", Version = MqttVersion.V5, Qos = 1 };
        var published = await MosquittoClients.PublishAsync(device, "city/south/streetlight/lamp-r/telemetry", "{}");

        Assert.True(published.ExitCode == 0 && published.StandardError.Length == 0, published.ToString());
        Assert.Equal(["citytwin-device-dev-r"], (await admin.GetClientAsync("dev-r"))!.Roles);
    }
}
