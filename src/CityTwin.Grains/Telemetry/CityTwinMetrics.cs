using System.Diagnostics.Metrics;

namespace CityTwin.Grains.Telemetry;

/// <summary>The CityTwin meter: every CityTwin instrument is created here, so their names live in one place.</summary>
public static class CityTwinMetrics
{
    public const string MeterName = "CityTwin";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Accepted changes to the city directory, tagged by operation (upsert, remove).</summary>
    public static readonly Counter<long> DirectoryChanges =
        Meter.CreateCounter<long>("citytwin.directory.changes", unit: "{change}", description: "Accepted changes to the city's district directory");

    /// <summary>Commands refused for bad input, tagged by the command.</summary>
    public static readonly Counter<long> RejectedCommands =
        Meter.CreateCounter<long>("citytwin.commands.rejected", unit: "{command}", description: "Commands refused because their input was invalid");
}
