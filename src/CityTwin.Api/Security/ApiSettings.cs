using Microsoft.Extensions.Configuration;

namespace CityTwin.Api.Security;

/// <summary>A key given in configuration: <c>Api:Keys:&lt;name&gt;:Role</c> and <c>Api:Keys:&lt;name&gt;:Hash</c>.</summary>
public sealed record ConfiguredApiKey(string Name, string Role, string Hash);

/// <summary>
/// The <c>Api</c> section. Without <c>Api:KeyHashSecret</c> no key can be checked: start-up is refused when
/// keys are configured, and otherwise every key is refused (a host that only serves health and open data).
/// </summary>
public sealed record ApiSettings(ApiKeyHasher? Hasher, IReadOnlyList<ConfiguredApiKey> Keys, bool CookieSecureAlways)
{
    public const string SecretSetting = "Api:KeyHashSecret";

    /// <exception cref="ApiSettingsException">A setting is missing or wrong; names it.</exception>
    public static ApiSettings Read(IConfiguration configuration)
    {
        var keys = new List<ConfiguredApiKey>();
        foreach (var section in configuration.GetSection("Api:Keys").GetChildren())
        {
            var role = section["Role"];
            if (!ApiRoles.IsKnown(role))
                throw new ApiSettingsException($"Api:Keys:{section.Key}:Role", $"'{role}' is not a role; use one of {string.Join(", ", ApiRoles.All)}");
            var hash = section["Hash"];
            if (!IsHash(hash))
                throw new ApiSettingsException($"Api:Keys:{section.Key}:Hash", "must be the base64 HMAC-SHA256 of the key that 'CityTwin.Host api-key create' prints");
            keys.Add(new ConfiguredApiKey(section.Key, role!, hash!));
        }

        var secretText = configuration[SecretSetting];
        ApiKeyHasher? hasher = null;
        if (string.IsNullOrWhiteSpace(secretText))
        {
            if (keys.Count > 0)
                throw new ApiSettingsException(SecretSetting, $"is required when API keys are configured (base64 of at least {ApiKeyHasher.MinimumSecretBytes} random bytes; 'CityTwin.Host api-key create' makes one)");
        }
        else
        {
            hasher = new ApiKeyHasher(ParseSecret(secretText));
        }
        var secureAlways = configuration.GetValue("Api:CookieSecureAlways", false);
        return new ApiSettings(hasher, keys, secureAlways);
    }

    /// <exception cref="ApiSettingsException">Not base64, or shorter than <see cref="ApiKeyHasher.MinimumSecretBytes"/>.</exception>
    public static byte[] ParseSecret(string text)
    {
        byte[] secret;
        try
        {
            secret = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new ApiSettingsException(SecretSetting, "is not base64");
        }
        return secret.Length >= ApiKeyHasher.MinimumSecretBytes
            ? secret
            : throw new ApiSettingsException(SecretSetting, $"has {secret.Length} bytes; at least {ApiKeyHasher.MinimumSecretBytes} are required");
    }

    private static bool IsHash(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        Span<byte> bytes = stackalloc byte[64];
        return Convert.TryFromBase64String(text, bytes, out var written) && written == 32;
    }
}
