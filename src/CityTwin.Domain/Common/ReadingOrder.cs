namespace CityTwin.Domain.Common;

/// <summary>
/// Decides whether a reading is new, a redelivery, late or from a clock that runs ahead, using only the
/// small <see cref="ReadingSequenceState"/> kept with the twin.
/// <list type="bullet">
/// <item>The first reading ever (or after <see cref="Reset"/>) is applied.</item>
/// <item>A greater boot epoch starts a new sequence and is applied; a smaller one is late.</item>
/// <item>Within the current boot, a greater sequence is applied; the highest one again is a duplicate; one
/// of the <see cref="WindowSize"/> below it is a duplicate when its bit is set and late otherwise; one
/// further back is late (too old to tell).</item>
/// <item>A reading that is newer by sequence but whose device time is before the newest applied device
/// time is late: the device clock went backwards, and the reading cannot be placed after the current
/// state. Recording it still advances the sequence, so its redelivery is a duplicate.</item>
/// <item>A device time beyond <c>now + maxClockSkew</c> is rejected before anything else.</item>
/// </list>
/// </summary>
public static class ReadingOrder
{
    /// <summary>How many sequence numbers below the highest are remembered individually.</summary>
    public const int WindowSize = 64;

    /// <summary>The clock skew allowed between a device and the server unless a kind says otherwise.</summary>
    public static readonly TimeSpan DefaultMaxClockSkew = TimeSpan.FromMinutes(2);

    public static ReadingClassification Classify(
        ReadingSequenceState state, ReadingStamp stamp, DateTimeOffset now, TimeSpan maxClockSkew)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (stamp.DeviceTime > now + maxClockSkew)
        {
            return new(ReadingVerdict.FromFuture,
                $"device time {stamp.DeviceTime:O} is {(stamp.DeviceTime - now).TotalSeconds:0} s ahead of the server clock; at most {maxClockSkew.TotalSeconds:0} s is allowed");
        }

        if (!state.Started)
            return new(ReadingVerdict.Apply);

        if (stamp.BootEpoch < state.BootEpoch)
            return new(ReadingVerdict.Late, $"from boot epoch {stamp.BootEpoch}, before the current boot epoch {state.BootEpoch}");

        if (stamp.BootEpoch == state.BootEpoch && stamp.Sequence <= state.HighestSequence)
        {
            var below = state.HighestSequence - stamp.Sequence;
            if (below == 0)
                return new(ReadingVerdict.Duplicate);
            if (below > WindowSize)
                return new(ReadingVerdict.Late, $"sequence {stamp.Sequence} is more than {WindowSize} behind {state.HighestSequence}; too old to tell whether it was seen");
            return (state.SeenBelow & Bit(below)) != 0
                ? new(ReadingVerdict.Duplicate)
                : new(ReadingVerdict.Late, $"sequence {stamp.Sequence} is behind the newest applied {state.HighestSequence}");
        }

        if (state.NewestDeviceTime is { } newest && stamp.DeviceTime < newest)
            return new(ReadingVerdict.Late, $"device time {stamp.DeviceTime:O} is before the newest applied {newest:O} (device clock went backwards)");

        return new(ReadingVerdict.Apply);
    }

    /// <summary>
    /// Records a reading the twin accepted: an applied one moves the newest device time, a late one is
    /// only marked as seen. Duplicates and readings from the future change nothing.
    /// </summary>
    public static void Record(ReadingSequenceState state, ReadingStamp stamp, ReadingVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(state);
        switch (verdict)
        {
            case ReadingVerdict.Apply:
                MarkSeen(state, stamp);
                if (state.NewestDeviceTime is not { } newest || stamp.DeviceTime > newest)
                    state.NewestDeviceTime = stamp.DeviceTime;
                break;
            case ReadingVerdict.Late:
                MarkSeen(state, stamp);
                break;
        }
    }

    /// <summary>
    /// Marks a reading as seen without moving the newest device time, so that its redelivery is a
    /// duplicate. Used for late readings and for readings refused for breaking a rule.
    /// </summary>
    public static void MarkSeen(ReadingSequenceState state, ReadingStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Started || stamp.BootEpoch > state.BootEpoch)
        {
            state.Started = true;
            state.BootEpoch = stamp.BootEpoch;
            state.HighestSequence = stamp.Sequence;
            state.SeenBelow = 0;
            return;
        }

        if (stamp.BootEpoch < state.BootEpoch)
            return;

        if (stamp.Sequence > state.HighestSequence)
        {
            var shift = stamp.Sequence - state.HighestSequence;
            state.SeenBelow = shift > WindowSize ? 0 : ((shift == WindowSize ? 0 : state.SeenBelow << (int)shift) | Bit(shift));
            state.HighestSequence = stamp.Sequence;
        }
        else if (stamp.Sequence < state.HighestSequence)
        {
            var below = state.HighestSequence - stamp.Sequence;
            if (below <= WindowSize)
                state.SeenBelow |= Bit(below);
        }
    }

    /// <summary>
    /// Forgets the device's stream, for when the device of an asset is replaced: the twin stays, the new
    /// device's first reading is applied whatever its boot epoch, sequence or clock.
    /// </summary>
    public static void Reset(ReadingSequenceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Started = false;
        state.BootEpoch = 0;
        state.HighestSequence = 0;
        state.SeenBelow = 0;
        state.NewestDeviceTime = null;
    }

    /// <summary>The window bit for the sequence <paramref name="below"/> (1..64) under the highest.</summary>
    private static long Bit(long below) => 1L << (int)(below - 1);
}
