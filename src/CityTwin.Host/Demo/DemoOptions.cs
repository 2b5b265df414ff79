using System.Globalization;
using CityTwin.Host.Cli;
using CityTwin.Host.Configuration;

namespace CityTwin.Host.Demo;

/// <summary>
/// <c>--demo</c> and its flags: <c>--demo-assets N</c> (3,000), <c>--demo-seed N</c> (1), <c>--demo-time-factor F</c>
/// (60: a simulated hour a real minute), <c>--demo-districts N</c> (1), <c>--demo-start HH:mm</c> (06:30 local
/// time in the city, when the trucks leave and the morning rush begins), <c>--demo-data DIR</c> (<c>data-demo</c>).
/// </summary>
public sealed record DemoOptions(int Assets, int Seed, double TimeFactor, int Districts, TimeSpan StartLocalTime, string DataDirectory)
{
    public const string Flag = "--demo";

    private static readonly string[] Flags = ["--demo-assets", "--demo-seed", "--demo-time-factor", "--demo-districts", "--demo-start", "--demo-data"];

    public static bool IsRequested(string[] args) => args.Contains(Flag);

    /// <returns>The options, and the arguments left for the host.</returns>
    /// <exception cref="ConfigurationException">A demo flag has a value that cannot be used.</exception>
    public static (DemoOptions Options, string[] HostArgs) Read(string[] args)
    {
        var options = new DemoOptions(
            Integer(args, "--demo-assets", 3_000, 10, 200_000),
            Integer(args, "--demo-seed", 1, int.MinValue, int.MaxValue),
            Number(args, "--demo-time-factor", 60, 1, 10_000),
            Integer(args, "--demo-districts", 1, 1, 99),
            Start(args),
            CommandOptions.Value(args, "--demo-data") ?? "data-demo");
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == Flag)
                continue;
            if (Flags.Contains(args[i]))
            {
                i++;
                continue;
            }
            if (!Flags.Any(f => args[i].StartsWith(f + "=", StringComparison.Ordinal)))
                rest.Add(args[i]);
        }
        return (options, [.. rest]);
    }

    private static int Integer(string[] args, string name, int fallback, int min, int max)
    {
        if (CommandOptions.Value(args, name) is not { } text)
            return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ConfigurationException(name, $"'{text}' is not a whole number from {min} to {max}");
    }

    private static double Number(string[] args, string name, double fallback, double min, double max)
    {
        if (CommandOptions.Value(args, name) is not { } text)
            return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ConfigurationException(name, $"'{text}' is not a number from {min} to {max}");
    }

    private static TimeSpan Start(string[] args)
    {
        var text = CommandOptions.Value(args, "--demo-start") ?? "06:30";
        return TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out var start) && start < TimeSpan.FromDays(1)
            ? start
            : throw new ConfigurationException("--demo-start", $"'{text}' is not a local time of day as HH:mm");
    }
}
