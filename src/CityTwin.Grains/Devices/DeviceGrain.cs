using CityTwin.Contracts.Common;
using CityTwin.Contracts.Devices;
using CityTwin.Domain.Common;
using CityTwin.Domain.Devices;
using CityTwin.Grains.Persistence;
using CityTwin.Grains.Time;
using Orleans.Runtime;

namespace CityTwin.Grains.Devices;

/// <summary>
/// A device's credential and the assets it speaks for. Thin: every change goes to a broker that keeps
/// accounts of its own (External mode), is written through, then the brokers are told (a credential
/// change disconnects the live session).
/// </summary>
public sealed class DeviceGrain(
    [PersistentState(StorageNames.DeviceState, StorageNames.Provider)] IPersistentState<DeviceState> device,
    CredentialKey credentialKey,
    IBrokerAccounts brokerAccounts,
    CityClock clock) : Grain, IDeviceGrain
{
    private DeviceState State => device.State;

    private string DeviceId => this.GetPrimaryKeyString();

    public async Task<CommandResult> DeclareGateway(string districtId)
    {
        if (Identifiers.Check("deviceId", DeviceId) is { } badId)
            return CommandResult.Rejected(badId.Field, badId.Message);
        if (Identifiers.Check("districtId", districtId) is { } badDistrict)
            return CommandResult.Rejected(badDistrict.Field, badDistrict.Message);
        if (State.Role == DeviceRole.Gateway && State.GatewayDistrictId == districtId)
            return CommandResult.Ok;
        if (State.Role == DeviceRole.Device && State.Assets.Count > 0)
            return CommandResult.Rejected("deviceId", $"'{DeviceId}' already reports for asset '{State.Assets[0].AssetId}' as a device");
        if (State.Assets.FirstOrDefault(a => a.DistrictId != districtId) is { } elsewhere)
            return CommandResult.Rejected("districtId", $"gateway '{DeviceId}' speaks for '{elsewhere.AssetId}' in district '{elsewhere.DistrictId}'");
        State.Role = DeviceRole.Gateway;
        State.GatewayDistrictId = districtId;
        if (await SaveAndTellAsync(credentialChanged: false) is { } brokerFailure)
            return CommandResult.Rejected("deviceId", brokerFailure);
        return CommandResult.Ok;
    }

    public async Task<CredentialResult> IssueCredential()
    {
        if (State.SecretHash is not null)
            return Refused("deviceId", $"'{DeviceId}' already has a credential; rotate it to get a new secret");
        return await NewSecretAsync();
    }

    public async Task<CredentialResult> RotateCredential()
    {
        if (State.SecretHash is null)
            return Refused("deviceId", $"'{DeviceId}' has no credential to rotate; issue one");
        return await NewSecretAsync();
    }

    public async Task<CommandResult> RevokeCredential()
    {
        if (State.SecretHash is null)
            return CommandResult.Ok;
        State.SecretHash = null;
        State.CredentialIssuedAt = null;
        if (await SaveAndTellAsync(credentialChanged: true) is { } brokerFailure)
            return CommandResult.Rejected("deviceId", brokerFailure);
        return CommandResult.Ok;
    }

    public async Task Bind(DeviceBinding binding)
    {
        var index = State.Assets.FindIndex(a => a.AssetId == binding.AssetId);
        if (index >= 0 && State.Assets[index] == binding)
            return;
        if (index >= 0)
            State.Assets[index] = binding;
        else
            State.Assets.Add(binding);
        await SaveAndTellOrThrowAsync(credentialChanged: false);
    }

    public async Task Unbind(string assetId)
    {
        if (State.Assets.RemoveAll(a => a.AssetId == assetId) == 0)
            return;
        // A device's credential goes with its last asset; a gateway keeps its own until revoked.
        var revoke = State.Role == DeviceRole.Device && State.Assets.Count == 0 && State.SecretHash is not null;
        if (revoke)
        {
            State.SecretHash = null;
            State.CredentialIssuedAt = null;
        }
        await SaveAndTellOrThrowAsync(credentialChanged: revoke);
    }

    public Task<DeviceAccess> GetAccess() => Task.FromResult(new DeviceAccess(
        DeviceId, State.Role, State.GatewayDistrictId, State.Assets.ToArray(), State.SecretHash, State.Version));

    private async Task<CredentialResult> NewSecretAsync()
    {
        if (State.Role == DeviceRole.Device && State.Assets.Count == 0)
            return Refused("deviceId", $"no asset is provisioned with device '{DeviceId}' and it is not a gateway");
        var secret = DeviceSecrets.Generate();
        State.SecretHash = credentialKey.Hash(secret);
        State.CredentialIssuedAt = clock.Now;
        if (await SaveAndTellAsync(credentialChanged: true, secret) is { } brokerFailure)
            return Refused("deviceId", brokerFailure);
        return new CredentialResult(new IssuedCredential(DeviceId, secret), []);
    }

    /// <summary>
    /// The change made to <see cref="State"/> goes to the broker's accounts first (a revocation is in force
    /// there before it is acknowledged here), then to storage, then to the brokers listening for changes.
    /// </summary>
    /// <returns>Null, or why the broker refused the change; the state is then as stored before it.</returns>
    private async Task<string?> SaveAndTellAsync(bool credentialChanged, string? newSecret = null)
    {
        State.Version++;
        var access = new DeviceAccess(DeviceId, State.Role, State.GatewayDistrictId, State.Assets.ToArray(), State.SecretHash, State.Version);
        try
        {
            // A device that held no credential before or after has no broker account to change.
            if (State.SecretHash is not null || credentialChanged)
                await brokerAccounts.SyncAsync(access, newSecret);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await device.ReadStateAsync();
            return $"the MQTT broker did not take the change of '{DeviceId}': {e.Message}";
        }
        await device.WriteStateAsync();
        await GrainFactory.GetGrain<IBrokerRegistryGrain>(IBrokerRegistryGrain.Key).Publish(DeviceId, credentialChanged);
        return null;
    }

    /// <summary>For changes made by an asset's twin, which has no result to carry a refusal: it fails, and is retried.</summary>
    private async Task SaveAndTellOrThrowAsync(bool credentialChanged)
    {
        if (await SaveAndTellAsync(credentialChanged) is { } brokerFailure)
            throw new InvalidOperationException(brokerFailure);
    }

    private static CredentialResult Refused(string field, string message) => new(null, [new FieldError(field, message)]);
}
