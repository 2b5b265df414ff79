namespace CityTwin.Host.Configuration;

/// <summary>
/// A setting that stops start-up. Caught at the top of the program and printed as one line naming
/// the setting, never as a stack trace.
/// </summary>
public sealed class ConfigurationException(string setting, string problem, Exception? inner = null)
    : Exception($"{setting}: {problem}", inner)
{
    public string Setting { get; } = setting;
    public string Problem { get; } = problem;
}
