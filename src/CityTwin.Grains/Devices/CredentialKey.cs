using CityTwin.Domain.Devices;

namespace CityTwin.Grains.Devices;

/// <summary>
/// The server-side key under which device secrets are hashed. Every silo of a cluster must hold the same
/// key; the host loads it from configuration or from a key file in its data directory.
/// </summary>
public sealed class CredentialKey
{
    private readonly byte[] key;

    public CredentialKey(byte[] key)
    {
        if (key.Length < DeviceSecrets.MinimumKeyBytes)
            throw new ArgumentException($"the device credential key must be at least {DeviceSecrets.MinimumKeyBytes} bytes");
        this.key = key.ToArray();
    }

    public string Hash(string secret) => DeviceSecrets.Hash(key, secret);

    public bool Verify(ReadOnlySpan<byte> presented, string? storedHash) => DeviceSecrets.Verify(key, presented, storedHash);
}
