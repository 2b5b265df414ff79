using CityTwin.Api.Security;

namespace CityTwin.Host.Demo;

/// <summary>
/// A newcomer's demo must open on the live page without first learning how keys are made: unless the
/// configuration has its own <c>Api:KeyHashSecret</c>, the run gets a fresh secret and one operator key,
/// which the demo prints. Both live only in this process's configuration; the next run makes new ones.
/// </summary>
public static class DemoSignIn
{
    public const string KeyName = "demo-operator";

    /// <returns>The key to sign in with, or null when the configuration brought its own secret (and keys).</returns>
    public static string? AddOperatorKeyUnlessConfigured(IConfigurationManager configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[ApiSettings.SecretSetting]))
            return null;
        var secret = ApiKeyHasher.NewSecret();
        var key = ApiKeyHasher.NewKey();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ApiSettings.SecretSetting] = Convert.ToBase64String(secret),
            [$"Api:Keys:{KeyName}:Role"] = ApiRoles.Operator,
            [$"Api:Keys:{KeyName}:Hash"] = new ApiKeyHasher(secret).Hash(key),
        });
        return key;
    }
}
