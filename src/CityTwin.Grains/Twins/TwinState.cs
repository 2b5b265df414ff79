using CityTwin.Contracts.Assets;
using CityTwin.Domain.Common;

namespace CityTwin.Grains.Twins;

/// <summary>
/// What a twin stores: its provisioning record, what it has heard from its device, and its kind's
/// state. Stored as JSON; members are only ever added (with defaults) so old rows stay readable.
/// </summary>
public sealed class TwinState<TKindState> where TKindState : class, new()
{
    public AssetRecord? Record { get; set; }

    // Null for a kind whose rules keep these themselves (bins), so it does not carry a second, idle copy.
    public ReadingSequenceState? Sequence { get; set; }

    public ReadingCounters? Counters { get; set; }

    public TwinLiveness? Liveness { get; set; }

    public TKindState Kind { get; set; } = new();

    /// <summary>
    /// The condition codes the twin has raised with its district and not cleared (null when none), so that an
    /// enrolment gives a district that lost its memory the conditions back with the picture.
    /// </summary>
    public string[]? Conditions { get; set; }
}
