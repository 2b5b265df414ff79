using CityTwin.Testing;

namespace CityTwin.Integration.Tests.Hosting;

/// <summary>Free ports for one host process and the arguments that hand them to it.</summary>
public sealed record HostPorts(int Http, int Silo, int Gateway, int Mqtt)
{
    public static HostPorts Free() => new(FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());

    public IEnumerable<string> Arguments =>
    [
        $"--Http:Url=http://127.0.0.1:{Http}",
        $"--Clustering:SiloPort={Silo}",
        $"--Clustering:GatewayPort={Gateway}",
        $"--Mqtt:Port={Mqtt}",
        // These tests provision and inspect the host through its gateway like trusted tooling on a private network.
        "--Clustering:GatewayAccess=Full",
    ];

    /// <summary>What a PostgreSQL-backed host needs besides its connection: the device credential key every silo shares.</summary>
    public static string SharedCredentialKey { get; } = $"--Devices:CredentialKey={Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}";
}
