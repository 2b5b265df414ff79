using CityTwin.Domain.Devices;
using CityTwin.Grains.Devices;
using CityTwin.Host.Configuration;

namespace CityTwin.Host.Devices;

/// <summary>
/// Loads the key device secrets are hashed under (see <see cref="DeviceSettings"/>). A missing key file is
/// created with a new random key readable by this user only; a key that cannot be read or is too short
/// stops start-up naming its setting.
/// </summary>
public static class CredentialKeyLoader
{
    public static CredentialKey Load(DeviceSettings settings)
    {
        if (settings.CredentialKey is { } configured)
            return new CredentialKey(Decode("Devices:CredentialKey", configured));
        var path = settings.CredentialKeyFile;
        try
        {
            if (!File.Exists(path))
                Create(path);
            return new CredentialKey(Decode("Devices:CredentialKeyFile", File.ReadAllText(path).Trim()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException("Devices:CredentialKeyFile", $"cannot read or create '{path}': {e.Message}");
        }
    }

    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var file = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        file.Write(key);
    }

    private static byte[] Decode(string setting, string base64)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new ConfigurationException(setting, "is not base64");
        }
        return key.Length >= DeviceSecrets.MinimumKeyBytes
            ? key
            : throw new ConfigurationException(setting, $"holds {key.Length} bytes; a device credential key needs at least {DeviceSecrets.MinimumKeyBytes}");
    }
}
