using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Devices;
using CityTwin.Host.Configuration;

namespace CityTwin.Host.Cli;

/// <summary>
/// Device credentials on the running host: <c>device issue|rotate|revoke --id ID</c>, <c>device gateway --id ID
/// --district DISTRICT</c>, <c>device show --id ID</c>. A secret is printed once, as <c>ID&lt;TAB&gt;SECRET</c>,
/// and never stored in the clear. Exit code 3 when the host refuses.
/// </summary>
public static class DeviceCommand
{
    public const int Refused = 3;

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var settings = SettingsReader.Read(HostConfiguration.Build(args), Environment.CurrentDirectory);
        var verb = args.FirstOrDefault();
        if (verb is not ("issue" or "rotate" or "revoke" or "gateway" or "show"))
            throw new ConfigurationException("device", "use 'device issue|rotate|revoke|show --id ID' or 'device gateway --id ID --district DISTRICT'");
        var id = CommandOptions.Value(args, "--id") ?? throw new ConfigurationException("--id", "is required");
        var district = verb == "gateway" ? CommandOptions.Value(args, "--district") ?? throw new ConfigurationException("--district", "is required") : null;
        return await HostClient.CallAsync(settings, CallTimeout, async client =>
        {
            var device = client.GetGrain<IDeviceGrain>(id);
            switch (verb)
            {
                case "issue":
                    return Print(await device.IssueCredential(), output);
                case "rotate":
                    return Print(await device.RotateCredential(), output);
                case "revoke":
                    return Print(await device.RevokeCredential(), output, $"Credential of '{id}' revoked; its session, if any, is disconnected.");
                case "gateway":
                    return Print(await device.DeclareGateway(district!), output, $"'{id}' is a gateway of district '{district}'.");
                default:
                    var access = await device.GetAccess();
                    output.WriteLine($"{access.DeviceId}\t{access.Role.ToString().ToLowerInvariant()}\t{access.GatewayDistrictId ?? "-"}\t{(access.SecretHash is null ? "no credential" : "has credential")}");
                    foreach (var asset in access.Assets)
                        output.WriteLine($"  {asset.Kind.Segment()}\t{asset.AssetId}\t{asset.DistrictId}");
                    return 0;
            }
        });
    }

    private static int Print(CredentialResult result, TextWriter output)
    {
        if (result.Credential is { } issued)
        {
            output.WriteLine($"{issued.DeviceId}\t{issued.Secret}");
            return 0;
        }
        return PrintErrors(result.Errors, output);
    }

    private static int Print(CommandResult result, TextWriter output, string done)
    {
        if (!result.Accepted)
            return PrintErrors(result.Errors, output);
        output.WriteLine(done);
        return 0;
    }

    private static int PrintErrors(IReadOnlyList<FieldError> errors, TextWriter output)
    {
        foreach (var error in errors)
            output.WriteLine($"{error.Field}: {error.Message}");
        return Refused;
    }
}
