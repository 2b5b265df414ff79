using CityTwin.Integration.Tests.Hosting;
using CityTwin.Testing;
using CityTwin.Testing.Mqtt;

namespace CityTwin.Integration.Tests.Mqtt.ExternalHost;

/// <summary>
/// External mode settings the host cannot use, and a broker it cannot use, stop start-up with one line
/// naming the setting (exit code 2, no stack trace).
/// </summary>
public sealed class ExternalConfigurationTests
{
    [Fact]
    public Task A_missing_admin_password_is_named() =>
        AssertRefusedAsync(["--Mqtt:Mode=External", "--Mqtt:External:Host=127.0.0.1", "--Mqtt:External:HostPassword=host-secret"],
            "Mqtt:External:AdminPassword", "is required when Mqtt:Mode is External");

    [Fact]
    public Task A_session_expiry_that_is_not_a_number_of_seconds_is_named() =>
        AssertRefusedAsync([.. Complete(FreePort.Next(), "admin-secret"), "--Mqtt:External:SessionExpirySeconds=forever"],
            "Mqtt:External:SessionExpirySeconds", "'forever' is not a whole number of seconds");

    [Fact]
    public Task A_ca_certificate_without_tls_is_named() =>
        AssertRefusedAsync([.. Complete(FreePort.Next(), "admin-secret"), "--Mqtt:External:CaCertificate=/etc/hostname"],
            "Mqtt:External:CaCertificate", "is for TLS");

    [Fact]
    public Task An_unreachable_broker_is_named_with_its_address()
    {
        var nobodyListens = FreePort.Next();
        return AssertRefusedAsync(Complete(nobodyListens, "admin-secret"), "Mqtt:External:Host", $"cannot reach Mosquitto at 127.0.0.1:{nobodyListens}");
    }

    [Fact]
    public async Task A_wrong_admin_password_is_named()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await AssertRefusedAsync(Complete(broker.Port, broker.AdminPassword + "-wrong"),
            "Mqtt:External:AdminPassword", $"Mosquitto at 127.0.0.1:{broker.Port} refused 'citytwin-admin'");
    }

    private static string[] Complete(int port, string adminPassword) =>
    [
        "--Mqtt:Mode=External",
        "--Mqtt:External:Host=127.0.0.1",
        $"--Mqtt:External:Port={port}",
        $"--Mqtt:External:AdminPassword={adminPassword}",
        "--Mqtt:External:HostPassword=host-secret",
    ];

    private static async Task AssertRefusedAsync(string[] arguments, string setting, string problem)
    {
        using var workingDirectory = new TempDirectory();
        var ports = HostPorts.Free();
        var (exitCode, output) = await HostProcess.RunToExitAsync(workingDirectory.Path, [.. ports.Arguments.Where(a => !a.StartsWith("--Mqtt:", StringComparison.Ordinal)), .. arguments]);

        Assert.True(exitCode == 2, output);
        Assert.Contains($"CityTwin cannot start: {setting}: ", output, StringComparison.Ordinal);
        Assert.Contains(problem, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }
}
