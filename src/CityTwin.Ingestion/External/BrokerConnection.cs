using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;

namespace CityTwin.Ingestion.External;

/// <summary>Where the external broker is and who we are on it.</summary>
/// <param name="CaCertificateFile">
/// With TLS: a PEM certificate to trust as the root of the broker's chain (a private CA or a
/// self-signed broker certificate) instead of the system's trust store. The host name is checked either way.
/// </param>
public sealed record BrokerConnection(string Host, int Port, string Username, string Password, bool UseTls = false, string? CaCertificateFile = null)
{
    /// <summary>An MQTT 5 client's options for this broker; the caller adds its client id and session settings.</summary>
    public MqttClientOptionsBuilder ToOptionsBuilder()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(Host, Port)
            .WithCredentials(Username, Password)
            .WithProtocolVersion(MqttProtocolVersion.V500);
        if (!UseTls) return builder;
        return builder.WithTlsOptions(tls =>
        {
            tls.UseTls().WithTargetHost(Host);
            if (CaCertificateFile is not null)
            {
                var root = X509Certificate2.CreateFromPem(File.ReadAllText(CaCertificateFile));
                tls.WithCertificateValidationHandler(e => IsTrusted(e.Certificate, e.SslPolicyErrors, root));
            }
        });
    }

    private static bool IsTrusted(X509Certificate presented, SslPolicyErrors errors, X509Certificate2 root)
    {
        // A name mismatch or a missing certificate is never forgiven; only the chain is judged again, against our root.
        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = new X509Certificate2(presented);
        return chain.Build(certificate);
    }
}
