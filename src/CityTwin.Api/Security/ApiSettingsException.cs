namespace CityTwin.Api.Security;

/// <summary>An API setting that stops start-up; the host reports it as one line naming the setting.</summary>
public sealed class ApiSettingsException(string setting, string problem) : Exception($"{setting}: {problem}")
{
    public string Setting { get; } = setting;
    public string Problem { get; } = problem;
}
