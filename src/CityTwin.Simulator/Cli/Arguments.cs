using System.Globalization;
using CityTwin.Simulator.City;

namespace CityTwin.Simulator.Cli;

/// <summary>Options given as <c>--name value</c> or <c>--name=value</c>; every one must be known to the command.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);

    /// <param name="switches">Options that take no value.</param>
    public Arguments(IEnumerable<string> args, IReadOnlyCollection<string> known, IReadOnlyCollection<string> switches)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                throw new UsageException(arg, "is not an option; options start with --");
            var (name, value) = arg.IndexOf('=') is > 0 and var at ? (arg[..at], arg[(at + 1)..]) : (arg, null);
            if (!known.Contains(name) && !switches.Contains(name))
                throw new UsageException(name, $"is not an option of this command; it takes {string.Join(", ", known.Concat(switches))}");
            if (switches.Contains(name))
            {
                values[name] = value ?? "true";
                continue;
            }
            if (value is null)
                value = e.MoveNext() ? e.Current : throw new UsageException(name, "needs a value");
            values[name] = value;
        }
    }

    public string? Text(string name) => values.GetValueOrDefault(name);

    public bool Flag(string name) => values.ContainsKey(name);

    public string Required(string name) => Text(name) ?? throw new UsageException(name, "is required");

    public int Integer(string name, int fallback, int min = int.MinValue, int max = int.MaxValue) =>
        Text(name) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : throw new UsageException(name, $"'{text}' is not a whole number from {min} to {max}");

    public double Number(string name, double fallback, double min, double max) =>
        Text(name) is not { } text ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : throw new UsageException(name, $"'{text}' is not a number from {min} to {max}");

    /// <summary>A duration as <c>90</c> (seconds), <c>90s</c>, <c>10m</c> or <c>2h</c>.</summary>
    public TimeSpan? Duration(string name)
    {
        if (Text(name) is not { } text)
            return null;
        var (digits, unit) = char.IsLetter(text[^1]) ? (text[..^1], text[^1]) : (text, 's');
        if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            throw new UsageException(name, $"'{text}' is not a duration such as 90s, 10m or 2h");
        return unit switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => throw new UsageException(name, $"'{text}': the unit is s, m or h"),
        };
    }

    /// <summary>HOST:PORT, with <paramref name="defaultPort"/> when the port is left out.</summary>
    public (string Host, int Port) Endpoint(string name, string fallback, int defaultPort)
    {
        var text = Text(name) ?? fallback;
        var colon = text.LastIndexOf(':');
        if (colon < 0)
            return (text, defaultPort);
        return int.TryParse(text[(colon + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? (text[..colon], port)
            : throw new UsageException(name, $"'{text}' is not HOST:PORT");
    }

    /// <summary>The city options every command shares: --seed, --assets, --districts, --gateway-share.</summary>
    public CityOptions City()
    {
        var options = new CityOptions
        {
            Seed = Integer("--seed", 1),
            Assets = Integer("--assets", 3_000, 10, 10_000_000),
            Districts = Integer("--districts", 1, 1, 99),
            GatewayShare = Number("--gateway-share", 0.9, 0, 1),
        };
        return options.Validate() is [var first, ..] ? throw new UsageException("--assets", first) : options;
    }

    public static readonly string[] CityOptionNames = ["--seed", "--assets", "--districts", "--gateway-share"];
}
