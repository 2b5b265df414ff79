using CityTwin.Host.Configuration;
using CityTwin.Ingestion.External;
using MQTTnet;

namespace CityTwin.Host.Hosting;

/// <summary>
/// External mode, before anything starts: reaches Mosquitto as its dynamic-security admin, makes sure the
/// host's role and account exist (creating the account with the configured password when absent), and
/// logs in once as the host. Each failure is one <see cref="ConfigurationException"/> naming its setting.
/// </summary>
public static class ExternalBrokerPreflight
{
    private const string Section = "Mqtt:External:";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task CheckAsync(ExternalBrokerOptions settings, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        DynamicSecurityClient admin;
        try
        {
            admin = await DynamicSecurityClient.ConnectAsync(settings.AdminConnection, Timeout, deadline.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Explain(e, settings, settings.AdminUsername, Section + "AdminPassword");
        }
        await using (admin)
        {
            try
            {
                await admin.EnsureRoleAsync(DeviceAclTemplate.Host(), deadline.Token);
                var account = await admin.GetClientAsync(settings.HostUsername, deadline.Token);
                if (account is null)
                    await admin.CreateClientAsync(settings.HostUsername, settings.HostPassword, [DeviceAclTemplate.HostRoleName], bindClientIdToUsername: false, deadline.Token);
                else if (!account.Roles.Contains(DeviceAclTemplate.HostRoleName))
                    throw new ConfigurationException(Section + "HostUsername",
                        $"Mosquitto's account '{settings.HostUsername}' lacks the role {DeviceAclTemplate.HostRoleName}: `mosquitto_ctrl dynsec addClientRole {settings.HostUsername} {DeviceAclTemplate.HostRoleName}`, or name another account");
            }
            catch (DynamicSecurityException e)
            {
                throw new ConfigurationException(Section + "AdminUsername", $"Mosquitto at {settings.Endpoint}: {e.Message}");
            }
        }
        await CheckHostLoginAsync(settings, deadline.Token, cancellationToken);
    }

    /// <summary>A throwaway session (never the silo's own client id, whose persistent session a clean start would end).</summary>
    private static async Task CheckHostLoginAsync(ExternalBrokerOptions settings, CancellationToken deadline, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = settings.HostConnection.ToOptionsBuilder()
            .WithClientId(settings.ClientId + "-check")
            .WithCleanStart(true)
            .WithTimeout(Timeout)
            .Build();
        try
        {
            var connected = await client.ConnectAsync(options, deadline);
            if (connected.ResultCode != MqttClientConnectResultCode.Success)
                throw Refused(settings, settings.HostUsername, Section + "HostPassword", connected.ResultCode);
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), deadline);
        }
        catch (Exception e) when (e is not ConfigurationException && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            throw Explain(e, settings, settings.HostUsername, Section + "HostPassword");
        }
    }

    private static ConfigurationException Explain(Exception e, ExternalBrokerOptions settings, string username, string passwordSetting) => e switch
    {
        DynamicSecurityException { Command: "connect" } refused => new ConfigurationException(passwordSetting, $"Mosquitto at {settings.Endpoint} refused '{username}': {refused.Error}"),
        DynamicSecurityException notAdmin => new ConfigurationException(Section + "AdminUsername", $"'{username}' is not Mosquitto's dynamic-security admin at {settings.Endpoint}: {notAdmin.Error}"),
        OperationCanceledException => new ConfigurationException(Section + "Host", $"cannot reach Mosquitto at {settings.Endpoint}: no answer within {Timeout.TotalSeconds:0} s"),
        _ => new ConfigurationException(Section + "Host", $"cannot reach Mosquitto at {settings.Endpoint}: {Innermost(e).Message}"),
    };

    private static ConfigurationException Refused(ExternalBrokerOptions settings, string username, string passwordSetting, MqttClientConnectResultCode code) =>
        code is MqttClientConnectResultCode.NotAuthorized or MqttClientConnectResultCode.BadUserNameOrPassword
            ? new ConfigurationException(passwordSetting, $"Mosquitto at {settings.Endpoint} refused '{username}' with this password ({code})")
            : new ConfigurationException(Section + "Host", $"Mosquitto at {settings.Endpoint} refused the connection of '{username}' ({code})");

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
