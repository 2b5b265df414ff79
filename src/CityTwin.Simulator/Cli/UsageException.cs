namespace CityTwin.Simulator.Cli;

/// <summary>Something the user can fix: printed as one line naming the option, exit code 2.</summary>
public sealed class UsageException(string option, string problem) : Exception($"{option}: {problem}");
