using CityTwin.Host.Configuration;

namespace CityTwin.Host.Cli;

/// <summary>The options of a subcommand, given as <c>--name value</c> or <c>--name=value</c>.</summary>
public static class CommandOptions
{
    public static string? Value(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == name)
                return i + 1 < args.Length ? args[i + 1] : throw new ConfigurationException(name, "needs a value");
            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
                return args[i][(name.Length + 1)..];
        }
        return null;
    }
}
