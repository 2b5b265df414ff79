namespace CityTwin.Domain.Common;

/// <summary>
/// What a twin remembers about the order of its device's readings. Stored as JSON with the twin;
/// about 100 bytes. <see cref="SeenBelow"/> is a 64-bit window: bit <c>i</c> set means sequence
/// <c>HighestSequence - 1 - i</c> of the current boot has been seen.
/// </summary>
public sealed class ReadingSequenceState
{
    /// <summary>False until the first reading is recorded, and again after <see cref="ReadingOrder.Reset"/>.</summary>
    public bool Started { get; set; }

    /// <summary>The newest boot epoch recorded.</summary>
    public long BootEpoch { get; set; }

    /// <summary>The highest sequence number recorded in <see cref="BootEpoch"/>.</summary>
    public long HighestSequence { get; set; }

    /// <summary>
    /// Which of the 64 sequence numbers just below <see cref="HighestSequence"/> were seen, as the bits of a
    /// signed number (so the usual all-seen window is <c>-1</c> in JSON).
    /// </summary>
    public long SeenBelow { get; set; }

    /// <summary>The newest device time of an applied reading.</summary>
    public DateTimeOffset? NewestDeviceTime { get; set; }
}
