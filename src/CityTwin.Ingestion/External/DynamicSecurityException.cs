namespace CityTwin.Ingestion.External;

/// <summary>The dynamic-security plugin refused a command, or did not answer it in time.</summary>
public sealed class DynamicSecurityException(string command, string error)
    : Exception($"Mosquitto dynamic security refused '{command}': {error}")
{
    /// <summary>The plugin command, e.g. createClient.</summary>
    public string Command { get; } = command;

    /// <summary>The plugin's error text, e.g. "Client not found".</summary>
    public string Error { get; } = error;
}
