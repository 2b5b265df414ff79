namespace CityTwin.Testing.Mqtt;

/// <summary>
/// Turns deploy/mosquitto/mosquitto.conf into a test broker's configuration by rewriting only its
/// ports and paths, so the tests run the shipped security settings. Each rewritten line must appear
/// exactly once: a changed deploy file fails loudly here instead of silently testing something else.
/// </summary>
public static class MosquittoConfigTemplate
{
    public const string ShippedFileName = "mosquitto.conf";

    public static string ShippedPath => Path.Combine(AppContext.BaseDirectory, "Mqtt", ShippedFileName);

    public static string Render(string shipped, MosquittoLayout layout)
    {
        var rewrites = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["listener 8883"] = $"listener {layout.TlsPort} 127.0.0.1",
            ["listener 1883 127.0.0.1"] = $"listener {layout.Port} 127.0.0.1",
            ["plugin_opt_config_file"] = $"plugin_opt_config_file {layout.DynamicSecurityFile}",
            ["persistence_location"] = $"persistence_location {layout.PersistenceDirectory}{Path.DirectorySeparatorChar}",
            ["certfile"] = $"certfile {layout.CertificateFile}",
            ["keyfile"] = $"keyfile {layout.KeyFile}",
        };
        var seen = rewrites.Keys.ToDictionary(k => k, _ => 0);
        var lines = shipped.Split('\n').Select(line =>
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('#')) return line;
            var key = rewrites.Keys.FirstOrDefault(k => trimmed == k || (!k.Contains(' ') && trimmed.StartsWith(k + " ", StringComparison.Ordinal)));
            if (key is null) return line;
            seen[key]++;
            return rewrites[key];
        }).ToList();
        var wrong = seen.Where(s => s.Value != 1).Select(s => $"'{s.Key}' ({s.Value} times)").ToList();
        if (wrong.Count > 0)
            throw new InvalidOperationException($"{ShippedFileName} should contain each of these lines once: {string.Join(", ", wrong)}");
        return string.Join('\n', lines);
    }
}

/// <summary>Where one test broker keeps its files and which loopback ports it listens on.</summary>
public sealed record MosquittoLayout(string Directory, int Port, int TlsPort)
{
    public string ConfigFile => Path.Combine(Directory, "mosquitto.conf");
    public string DynamicSecurityFile => Path.Combine(Directory, "dynamic-security.json");
    public string PersistenceDirectory => Path.Combine(Directory, "data");
    public string CertificateFile => Path.Combine(Directory, "server.crt");
    public string KeyFile => Path.Combine(Directory, "server.key");
    public string LogFile => Path.Combine(Directory, "mosquitto.log");
}
