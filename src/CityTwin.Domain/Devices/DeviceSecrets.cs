using System.Security.Cryptography;

namespace CityTwin.Domain.Devices;

/// <summary>
/// Device secrets: 256 random bits shown once, stored only as HMAC-SHA256 under a server-side key.
/// A keyed hash (not a slow password hash) is right here because the secrets are random and long: there
/// is nothing to guess, and a connection storm must not cost a CPU-second per CONNECT.
/// </summary>
public static class DeviceSecrets
{
    public const int SecretBytes = 32;
    public const int MinimumKeyBytes = 32;

    /// <summary>A new secret, base64url without padding (43 characters), safe in an MQTT password and a shell.</summary>
    public static string Generate() => Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string Hash(ReadOnlySpan<byte> key, string secret)
    {
        CheckKey(key);
        Span<byte> secretBytes = stackalloc byte[System.Text.Encoding.UTF8.GetMaxByteCount(Math.Min(secret.Length, 256))];
        var length = System.Text.Encoding.UTF8.GetBytes(secret.AsSpan(0, Math.Min(secret.Length, 256)), secretBytes);
        return Convert.ToBase64String(HMACSHA256.HashData(key, secretBytes[..length]));
    }

    /// <summary>Whether <paramref name="presented"/> is the secret behind <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Verify(ReadOnlySpan<byte> key, ReadOnlySpan<byte> presented, string? storedHash)
    {
        CheckKey(key);
        if (string.IsNullOrEmpty(storedHash) || presented.IsEmpty || presented.Length > 256)
            return false;
        Span<byte> expected = stackalloc byte[32];
        if (!Convert.TryFromBase64String(storedHash, expected, out var written) || written != 32)
            return false;
        Span<byte> actual = stackalloc byte[32];
        HMACSHA256.HashData(key, presented, actual);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
            throw new ArgumentException($"the credential key must be at least {MinimumKeyBytes} bytes", nameof(key));
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
