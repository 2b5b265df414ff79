using CityTwin.Api.Security;
using CityTwin.Host.Configuration;

namespace CityTwin.Host.Cli;

/// <summary>
/// <c>api-key create --role ROLE [--name NAME]</c>: makes a key offline (the first admin key, or one kept in
/// configuration), prints it once with the configuration lines that make the host accept it. Uses the
/// configured <c>Api:KeyHashSecret</c>, or makes one and prints it too.
/// </summary>
public static class ApiKeyCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args.FirstOrDefault() != "create")
            throw new ConfigurationException("api-key", "use 'api-key create --role admin|operator|analyst|public [--name NAME]'");
        var role = CommandOptions.Value(args, "--role") ?? throw new ConfigurationException("--role", "is required");
        if (!ApiRoles.IsKnown(role))
            throw new ConfigurationException("--role", $"'{role}' is not a role; use one of {string.Join(", ", ApiRoles.All)}");
        var name = CommandOptions.Value(args, "--name") ?? $"{role}-{DateTime.UtcNow:yyyyMMddHHmmss}";

        var configured = HostConfiguration.Build(args)[ApiSettings.SecretSetting];
        var newSecret = string.IsNullOrWhiteSpace(configured);
        byte[] secret;
        try
        {
            secret = newSecret ? ApiKeyHasher.NewSecret() : ApiSettings.ParseSecret(configured!);
        }
        catch (ApiSettingsException e)
        {
            throw new ConfigurationException(e.Setting, e.Problem, e);
        }

        var key = ApiKeyHasher.NewKey();
        var hash = new ApiKeyHasher(secret).Hash(key);
        output.WriteLine($"API key '{name}' ({role}), shown only now: {key}");
        output.WriteLine("Add to the host's configuration (appsettings.json, environment as Api__Keys__NAME__Role, or the command line):");
        if (newSecret)
            output.WriteLine($"  {ApiSettings.SecretSetting}={Convert.ToBase64String(secret)}");
        output.WriteLine($"  Api:Keys:{name}:Role={role}");
        output.WriteLine($"  Api:Keys:{name}:Hash={hash}");
        return Task.FromResult(0);
    }
}
