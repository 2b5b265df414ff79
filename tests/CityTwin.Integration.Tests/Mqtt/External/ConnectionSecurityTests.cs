using CityTwin.Ingestion.External;
using CityTwin.Testing.Mqtt;

namespace CityTwin.Integration.Tests.Mqtt.External;

[Collection(ExternalBrokerCollection.Name)]
public sealed class ConnectionSecurityTests(ExternalBroker external)
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Anonymous_clients_are_refused_on_both_listeners(bool tls)
    {
        var listener = tls ? external.Broker.Tls : external.Broker.Plain;

        var result = await MosquittoClients.PublishAsync(listener with { ClientId = "anonymous-1" }, "city/north/bin/b1/telemetry", "{}");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Connection Refused: not authorised.", result.StandardError);
    }

    [Theory]
    [InlineData(MqttVersion.V311)]
    [InlineData(MqttVersion.V5)]
    public async Task A_wrong_password_is_refused_whatever_the_client_id(MqttVersion version)
    {
        var device = await external.ProvisionDeviceAsync();

        var result = await MosquittoClients.PublishAsync(external.As(device, version) with { Password = "not-" + device.Password }, device.Topic("telemetry"), "{}");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(version == MqttVersion.V5 ? "Not authorized" : "not authorised", result.StandardError);
    }

    [Fact]
    public async Task Credentials_are_bound_to_the_devices_client_id()
    {
        var device = await external.ProvisionDeviceAsync();
        var other = await external.ProvisionDeviceAsync();

        var stolenSession = await MosquittoClients.PublishAsync(external.As(device, MqttVersion.V311) with { ClientId = other.DeviceId }, device.Topic("telemetry"), "{}");
        var ownSession = await MosquittoClients.PublishAsync(external.As(device, MqttVersion.V311), device.Topic("telemetry"), "{}");

        Assert.NotEqual(0, stolenSession.ExitCode);
        Assert.Contains("not authorised", stolenSession.StandardError);
        Assert.Equal(0, ownSession.ExitCode);
    }

    [Fact]
    public async Task The_TLS_listener_carries_a_provisioned_devices_telemetry_to_the_host()
    {
        var device = await external.ProvisionDeviceAsync();
        await using var host = await external.StartHostSubscriberAsync();
        var tlsDevice = external.As(device, MqttVersion.V5) with { Port = external.Broker.TlsPort, CaFile = external.Broker.CaFile };

        var result = await MosquittoClients.PublishAsync(tlsDevice, device.Topic("telemetry"), "{\"over\":\"tls\"}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(await host.WaitForOutputAsync($"{device.Topic("telemetry")} {{\"over\":\"tls\"}}", Quick), host.StandardOutput);
    }

    [Fact]
    public async Task The_dynamic_security_client_works_over_TLS_trusting_the_brokers_certificate()
    {
        var overTls = external.AdminConnection with { Port = external.Broker.TlsPort, UseTls = true, CaCertificateFile = external.Broker.CaFile };
        await using var admin = await DynamicSecurityClient.ConnectAsync(overTls);

        var clients = await admin.ListClientsAsync();

        Assert.Contains(clients, c => c.Username == ExternalBroker.HostUsername);
    }

    [Fact]
    public async Task A_TLS_connection_to_an_untrusted_certificate_is_refused()
    {
        // The system trust store does not know the test broker's self-signed certificate.
        var untrusted = external.AdminConnection with { Port = external.Broker.TlsPort, UseTls = true };

        await Assert.ThrowsAnyAsync<MQTTnet.Exceptions.MqttCommunicationException>(() => DynamicSecurityClient.ConnectAsync(untrusted));
    }
}
