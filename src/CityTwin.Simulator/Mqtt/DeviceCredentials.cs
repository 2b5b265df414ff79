namespace CityTwin.Simulator.Mqtt;

/// <summary>
/// The secrets of a city's devices and gateways, by device id. On disk one line per device,
/// <c>ID&lt;TAB&gt;SECRET</c>: what <c>CityTwin.Host device issue</c> prints, so its output can be collected as is.
/// </summary>
public sealed class DeviceCredentials(IReadOnlyDictionary<string, string> secrets)
{
    public IReadOnlyDictionary<string, string> Secrets { get; } = secrets;

    public string SecretOf(string deviceId) =>
        Secrets.TryGetValue(deviceId, out var secret) ? secret : throw new KeyNotFoundException($"no credential for device '{deviceId}'");

    public static async Task<DeviceCredentials> ReadAsync(string path)
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
                continue;
            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new FormatException($"{path}, line {number}: expected 'DEVICE-ID<TAB>SECRET'");
            secrets[parts[0]] = parts[1];
        }
        return new DeviceCredentials(secrets);
    }

    public async Task WriteAsync(string path)
    {
        var lines = Secrets.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}\t{s.Value}");
        await File.WriteAllLinesAsync(path, ["# CityTwin device credentials: DEVICE-ID<TAB>SECRET. Keep this file private.", .. lines]);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
