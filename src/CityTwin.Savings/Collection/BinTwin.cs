using CityTwin.Domain.Bins;
using CityTwin.Domain.Collection;
using CityTwin.Domain.Common;

namespace CityTwin.Savings.Collection;

/// <summary>What the rules were told about a bin: a sensor reading, or a truck's collection report.</summary>
public sealed record TwinInput(string BinId, DateTimeOffset At, BinReading? Reading, string? CollectionId);

/// <summary>
/// A bin's twin as the district keeps it, without the grain: its state, changed only by the domain rules the bin
/// grain calls (<see cref="BinRules.Apply"/>, <see cref="BinRules.ApplyCollection"/>) from readings and
/// collection reports. It is given the bin's provisioning and never its true fill.
/// </summary>
public sealed class BinTwin(string binId, BinParameters parameters, TimeZoneInfo zone)
{
    private long sequence;

    public string BinId { get; } = binId;

    public BinParameters Parameters { get; } = parameters;

    public BinState State { get; } = new();

    /// <summary>Readings or reports the rules refused (none are expected from the simulator).</summary>
    public int Refused { get; private set; }

    public BinCandidate Candidate => new(BinId, State, Parameters);

    public void Apply(TwinInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outcome = input.Reading is { } reading
            ? BinRules.Apply(State, Parameters, new ReadingStamp(input.At, 1, ++sequence), reading, input.At, zone)
            : BinRules.ApplyCollection(State, Parameters, input.CollectionId!, input.At, input.At, zone);
        if (!outcome.Accepted)
            Refused++;
    }
}
