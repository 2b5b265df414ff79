using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CityTwin.Api.Security;

/// <summary>
/// Makes keys and their stored form. A key is 32 random bytes in base64url; the server keeps only
/// HMAC-SHA256(secret, key) in base64, so a leaked database or configuration file gives no usable key
/// without the secret.
/// </summary>
public sealed class ApiKeyHasher
{
    public const int KeyBytes = 32;
    public const int MinimumSecretBytes = 32;

    private readonly byte[] secret;

    public ApiKeyHasher(byte[] secret)
    {
        if (secret.Length < MinimumSecretBytes)
            throw new ArgumentException($"the secret must have at least {MinimumSecretBytes} bytes", nameof(secret));
        this.secret = secret;
    }

    public static string NewKey() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(KeyBytes));

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(MinimumSecretBytes);

    public string Hash(string key) => Convert.ToBase64String(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares in constant time, so a timing side channel says nothing about a stored hash.</summary>
    public static bool SameHash(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(left), Encoding.ASCII.GetBytes(right));
}
