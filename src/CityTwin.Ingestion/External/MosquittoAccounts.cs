using CityTwin.Contracts.Devices;
using CityTwin.Grains.Devices;
using Microsoft.Extensions.Logging;

namespace CityTwin.Ingestion.External;

/// <summary>
/// External mode's device accounts: every device or gateway holding a credential is a Mosquitto client
/// (username and bound client id = its id, password = its secret) with a role allowing exactly its
/// topics (<see cref="DeviceAclTemplate"/>). Called by the device grain before it stores a change.
/// </summary>
public sealed class MosquittoAccounts(DynamicSecurityAdmin admin, ILogger<MosquittoAccounts> logger) : IBrokerAccounts
{
    public async Task SyncAsync(DeviceAccess access, string? newSecret)
    {
        var dynamicSecurity = await admin.GetAsync();
        if (access.SecretHash is null)
        {
            // No credential (never issued, revoked, or its last asset gone): no account, live sessions cut.
            await dynamicSecurity.ForgetAsync(access.DeviceId, DeviceAclTemplate.RoleNameFor(access));
            logger.LogInformation("Mosquitto account of {DeviceId} removed", access.DeviceId);
        }
        else if (newSecret is not null)
        {
            await dynamicSecurity.UpsertAsync(DeviceAclTemplate.For(access), access.DeviceId, newSecret);
            logger.LogInformation("Mosquitto account of {DeviceId} given its new secret", access.DeviceId);
        }
        else
        {
            // Its assets changed: the role's topics follow, the password stays.
            await dynamicSecurity.EnsureRoleAsync(DeviceAclTemplate.For(access));
        }
    }
}
