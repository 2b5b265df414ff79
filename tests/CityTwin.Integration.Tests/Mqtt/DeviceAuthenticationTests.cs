using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Devices;
using MQTTnet;

namespace CityTwin.Integration.Tests.Mqtt;

/// <summary>Who may connect to the embedded broker, with Debian's mosquitto_pub as the device.</summary>
[Collection(BrokerHostCollection.Name)]
public sealed class DeviceAuthenticationTests(BrokerHostFixture host)
{
    [Theory]
    [InlineData("mqttv311")]
    [InlineData("mqttv5")]
    public async Task A_provisioned_device_with_its_secret_publishes_a_reading_that_reaches_its_twin(string version)
    {
        var bin = await host.NewBinAsync();

        var sent = await MqttTool.PublishAsync(host.MqttPort, version, bin.DeviceId, bin.Secret, bin.DeviceId, bin.Topic(), Reading.Bin(0.42));

        Assert.True(sent.ExitCode == 0 && !sent.All.Contains("failed", StringComparison.OrdinalIgnoreCase), sent.All);
        var twin = await host.Grains.GetGrain<IBinGrain>(bin.AssetId).GetTwin();
        Assert.Equal(0.42, twin!.FillingLevel!.Value, 3);
    }

    [Theory]
    [InlineData("mqttv311", "bad user name or password")]
    [InlineData("mqttv5", "Not authorized")]
    public async Task A_wrong_secret_is_refused_and_applies_nothing(string version, string refusal)
    {
        var bin = await host.NewBinAsync();

        var sent = await MqttTool.PublishAsync(host.MqttPort, version, bin.DeviceId, bin.Secret + "x", bin.DeviceId, bin.Topic(), Reading.Bin(0.5));

        Assert.NotEqual(0, sent.ExitCode);
        Assert.Contains(refusal, sent.All, StringComparison.OrdinalIgnoreCase);
        Assert.Null((await host.Grains.GetGrain<IBinGrain>(bin.AssetId).GetTwin())!.FillingLevel);
    }

    [Theory]
    [InlineData("mqttv311", "bad user name or password")]
    [InlineData("mqttv5", "Not authorized")]
    public async Task No_credentials_or_an_unknown_device_are_refused_as_bad_credentials_whatever_the_client_id(string version, string refusal)
    {
        var bin = await host.NewBinAsync();

        var anonymous = await MqttTool.PublishAsync(host.MqttPort, version, null, null, bin.DeviceId, bin.Topic(), Reading.Bin(0.5));
        var unknown = await MqttTool.PublishAsync(host.MqttPort, version, "nobody-here", "whatever-secret", "nobody-here", bin.Topic(), Reading.Bin(0.5));
        // A bad secret with a client id that is not even valid is still a credentials refusal.
        var badIdToo = await MqttTool.PublishAsync(host.MqttPort, version, bin.DeviceId, "wrong", "Not A Valid Id", bin.Topic(), Reading.Bin(0.5));

        foreach (var result in new[] { anonymous, unknown, badIdToo })
        {
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains(refusal, result.All, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("mqttv311", "identifier rejected")]
    [InlineData("mqttv5", "Client Identifier not valid")]
    public async Task Valid_credentials_with_another_client_id_are_refused(string version, string refusal)
    {
        var bin = await host.NewBinAsync();

        var sent = await MqttTool.PublishAsync(host.MqttPort, version, bin.DeviceId, bin.Secret, "someone-else", bin.Topic(), Reading.Bin(0.5));

        Assert.NotEqual(0, sent.ExitCode);
        Assert.Contains(refusal, sent.All, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Another_devices_credentials_cannot_take_over_a_session()
    {
        var victim = await host.NewBinAsync();
        var intruder = await host.NewBinAsync();
        await using var connected = await MqttDevice.ConnectAsync(host.MqttPort, victim.DeviceId, victim.Secret);

        var (takeover, result) = await MqttDevice.TryConnectAsync(host.MqttPort, intruder.DeviceId, intruder.Secret, clientId: victim.DeviceId);
        await using (takeover)
        {
            Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, result.ResultCode);
        }
        Assert.Null(await connected.DisconnectedWithinAsync(TimeSpan.FromMilliseconds(500)));
        Assert.True(connected.IsConnected);
    }

    [Fact]
    public async Task Revoking_a_credential_disconnects_the_live_session_at_once_and_refuses_reconnects()
    {
        var bin = await host.NewBinAsync();
        await using var device = await MqttDevice.ConnectAsync(host.MqttPort, bin.DeviceId, bin.Secret);

        Assert.True((await host.Grains.GetGrain<IDeviceGrain>(bin.DeviceId).RevokeCredential()).Accepted);

        var gone = await device.DisconnectedWithinAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(gone);
        Assert.Equal(MqttClientDisconnectReason.NotAuthorized, gone.Reason);
        var (again, result) = await MqttDevice.TryConnectAsync(host.MqttPort, bin.DeviceId, bin.Secret);
        await using (again)
            Assert.Equal(MqttClientConnectResultCode.NotAuthorized, result.ResultCode);
    }

    [Fact]
    public async Task Rotation_issues_a_new_secret_and_the_old_one_stops_working()
    {
        var bin = await host.NewBinAsync();

        var rotated = await host.Grains.GetGrain<IDeviceGrain>(bin.DeviceId).RotateCredential();

        Assert.True(rotated.Issued);
        Assert.NotEqual(bin.Secret, rotated.Credential!.Secret);
        var old = await MqttTool.PublishAsync(host.MqttPort, "mqttv5", bin.DeviceId, bin.Secret, bin.DeviceId, bin.Topic(), Reading.Bin(0.3));
        Assert.Contains("Not authorized", old.All, StringComparison.OrdinalIgnoreCase);
        var fresh = await MqttTool.PublishAsync(host.MqttPort, "mqttv5", bin.DeviceId, rotated.Credential.Secret, bin.DeviceId, bin.Topic(), Reading.Bin(0.3));
        Assert.True(fresh.ExitCode == 0, fresh.All);
    }

    [Fact]
    public async Task Decommissioning_the_asset_revokes_its_device()
    {
        var bin = await host.NewBinAsync();
        await using var device = await MqttDevice.ConnectAsync(host.MqttPort, bin.DeviceId, bin.Secret);

        Assert.True((await host.Grains.GetGrain<IBinGrain>(bin.AssetId).Decommission()).Accepted);

        Assert.NotNull(await device.DisconnectedWithinAsync(TimeSpan.FromSeconds(5)));
        var sent = await MqttTool.PublishAsync(host.MqttPort, "mqttv5", bin.DeviceId, bin.Secret, bin.DeviceId, bin.Topic(), Reading.Bin(0.3));
        Assert.Contains("Not authorized", sent.All, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_tls_listener_takes_a_reading_with_the_configured_certificate()
    {
        var bin = await host.NewBinAsync();

        var sent = await MqttTool.RunAsync("mosquitto_pub",
        [
            .. MqttTool.Connection(host.TlsPort, "mqttv5", bin.DeviceId, bin.Secret, bin.DeviceId),
            "--cafile", host.CertificateFile, "-q", "1", "-t", bin.Topic(), "-m", Reading.Bin(0.61),
        ]);

        Assert.True(sent.ExitCode == 0, sent.All);
        Assert.Equal(0.61, (await host.Grains.GetGrain<IBinGrain>(bin.AssetId).GetTwin())!.FillingLevel!.Value, 3);
    }
}
