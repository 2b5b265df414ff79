namespace CityTwin.Domain.Common;

/// <summary>What to do with a reading, given what the twin has already applied.</summary>
public enum ReadingVerdict
{
    /// <summary>Newer than anything applied: it moves the current state.</summary>
    Apply,

    /// <summary>Already seen (a redelivery): ignore it silently.</summary>
    Duplicate,

    /// <summary>
    /// Older than the newest applied reading and not seen before: count it, keep it in history if the
    /// kind wants to, but do not let it move the current state.
    /// </summary>
    Late,

    /// <summary>Its device time is beyond the server's clock plus the allowed skew: reject it.</summary>
    FromFuture,
}

/// <summary>A <see cref="ReadingVerdict"/> and, for anything but a plain apply or duplicate, why.</summary>
public readonly record struct ReadingClassification(ReadingVerdict Verdict, string? Reason = null);

/// <summary>How a reading ended up, as reported in a kind's outcome.</summary>
public enum ReadingDisposition
{
    /// <summary>Accepted and applied to the current state.</summary>
    Applied,

    /// <summary>Accepted as a late reading: counted, current state unchanged.</summary>
    Late,

    /// <summary>Seen before; nothing changed.</summary>
    Duplicate,

    /// <summary>Refused: it broke a rule (see the violations) or came from the future.</summary>
    Rejected,
}
