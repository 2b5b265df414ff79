using CityTwin.Ingestion.External;
using CityTwin.Testing.Mqtt;

namespace CityTwin.Integration.Tests.Mqtt.External;

[Collection(ExternalBrokerCollection.Name)]
public sealed class CredentialLifecycleTests(ExternalBroker external)
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Provisioning_creates_a_client_bound_to_its_id_with_its_role()
    {
        var device = await external.ProvisionDeviceAsync();

        var listed = (await external.Admin.ListClientsAsync()).Single(c => c.Username == device.DeviceId);
        var fetched = await external.Admin.GetClientAsync(device.DeviceId);

        foreach (var client in new[] { listed, fetched! })
        {
            Assert.Equal(device.DeviceId, client.ClientId);
            Assert.False(client.Disabled);
            Assert.Equal([DeviceAclTemplate.DeviceRoleName(device.DeviceId)], client.Roles);
        }
        Assert.Null(await external.Admin.GetClientAsync("nobody-" + device.DeviceId));
    }

    [Fact]
    public async Task Plugin_errors_name_the_command_and_the_plugins_text()
    {
        var device = await external.ProvisionDeviceAsync();

        var duplicate = await Assert.ThrowsAsync<DynamicSecurityException>(() =>
            external.Admin.CreateClientAsync(device.DeviceId, "another-secret", [DeviceAclTemplate.DeviceRoleName(device.DeviceId)]));
        var missingRole = await Assert.ThrowsAsync<DynamicSecurityException>(() =>
            external.Admin.CreateClientAsync(ExternalBroker.UniqueId("dev"), "secret", ["no-such-role"]));
        var missingClient = await Assert.ThrowsAsync<DynamicSecurityException>(() =>
            external.Admin.SetClientPasswordAsync("nobody-" + device.DeviceId, "secret"));

        Assert.Equal(("createClient", "Client already exists"), (duplicate.Command, duplicate.Error));
        Assert.Equal(("createClient", "Role not found"), (missingRole.Command, missingRole.Error));
        Assert.Equal(("setClientPassword", "Client not found"), (missingClient.Command, missingClient.Error));
        Assert.Contains("createClient", duplicate.Message);
    }

    [Fact]
    public async Task Only_the_admin_can_drive_the_plugin()
    {
        // The host's account may connect with any client id, but its role has no $CONTROL topics.
        var refused = await Assert.ThrowsAsync<DynamicSecurityException>(() => DynamicSecurityClient.ConnectAsync(external.HostConnection));

        Assert.Equal("subscribe", refused.Command);
    }

    [Theory]
    [InlineData(MqttVersion.V311)]
    [InlineData(MqttVersion.V5)]
    public async Task Rotation_refuses_the_old_password_and_accepts_the_new(MqttVersion version)
    {
        var device = await external.ProvisionDeviceAsync();
        var newPassword = ExternalBroker.NewSecret();

        await external.Admin.SetClientPasswordAsync(device.DeviceId, newPassword);
        var withOld = await MosquittoClients.PublishAsync(external.As(device, version), device.Topic("telemetry"), "{}");
        var withNew = await MosquittoClients.PublishAsync(external.As(device with { Password = newPassword }, version), device.Topic("telemetry"), "{}");

        Assert.NotEqual(0, withOld.ExitCode);
        Assert.True(withNew.ExitCode == 0, withNew.ToString());
    }

    [Fact]
    public async Task Disabling_a_client_disconnects_its_live_session_at_once_and_refuses_reconnects()
    {
        var device = await external.ProvisionDeviceAsync();
        await using var live = await MosquittoClients.StartSubscriberAsync(external.As(device, MqttVersion.V311), device.Topic("command"));

        await external.Admin.DisableClientAsync(device.DeviceId);
        // mosquitto_sub reconnects after a lost connection; being refused then ends it.
        var ended = await live.WaitForExitAsync(Quick);
        var reconnect = await MosquittoClients.PublishAsync(external.As(device, MqttVersion.V311), device.Topic("telemetry"), "{}");

        Assert.NotNull(ended);
        Assert.NotEqual(0, ended.ExitCode);
        Assert.Contains("not authorised", ended.StandardError);
        Assert.NotEqual(0, reconnect.ExitCode);
        Assert.True((await external.Admin.GetClientAsync(device.DeviceId))!.Disabled);
    }

    [Fact]
    public async Task Revocation_cuts_off_a_live_session_and_forgets_the_client_and_its_role()
    {
        var device = await external.ProvisionDeviceAsync();
        var role = DeviceAclTemplate.DeviceRoleName(device.DeviceId);
        await using var live = await MosquittoClients.StartSubscriberAsync(external.As(device, MqttVersion.V5), device.Topic("command"));

        await external.Admin.RevokeAsync(device.DeviceId, role);
        var ended = await live.WaitForExitAsync(Quick);
        var reconnect = await MosquittoClients.PublishAsync(external.As(device, MqttVersion.V5), device.Topic("telemetry"), "{}");

        Assert.NotNull(ended);
        Assert.NotEqual(0, reconnect.ExitCode);
        Assert.Null(await external.Admin.GetClientAsync(device.DeviceId));
        Assert.DoesNotContain(await external.Admin.ListClientsAsync(), c => c.Username == device.DeviceId);
        var roleGone = await Assert.ThrowsAsync<DynamicSecurityException>(() => external.Admin.DeleteRoleAsync(role));
        Assert.Equal("Role not found", roleGone.Error);
    }
}
