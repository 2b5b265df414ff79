namespace CityTwin.Domain.Bins;

/// <summary>
/// The bin's <c>status</c>, most urgent first when several apply: burning, dropped (fallen over), moved
/// (away from where it was provisioned), lid open, ok. Unknown until the first reading.
/// </summary>
public enum BinStatus
{
    Unknown,
    Ok,
    LidOpen,
    Dropped,
    Moved,
    Burning,
}

/// <summary>How far the fill sensor can be trusted.</summary>
public enum SensorHealth
{
    Ok,

    /// <summary>Something looked wrong; its readings no longer move the prediction.</summary>
    Suspect,

    /// <summary>Repeatedly wrong; needs an emptying with consistent readings (or a new device) to recover.</summary>
    Failed,
}

/// <summary>What made the fill sensor look wrong.</summary>
public enum SensorFault
{
    /// <summary>A distance, level or weight beyond what the bin can physically show.</summary>
    OutOfRange,

    /// <summary>The same level for too long, while the weight changed, or across an emptying.</summary>
    Stuck,

    /// <summary>The level went down by more than noise without a collection.</summary>
    FillDropWithoutCollection,

    /// <summary>Large up-and-down swings while wet (condensation on the ultrasonic sensor).</summary>
    ErraticWhenWet,

    /// <summary>Ultrasonic and load cell contradict each other beyond any waste density.</summary>
    SensorsDisagree,
}

/// <summary>How far a failed fill sensor is on its way back to ok.</summary>
public enum SensorRecovery
{
    /// <summary>Not recovering: ok, suspect, or failed with no emptying since.</summary>
    None,

    /// <summary>Failed and emptied: the next reading with a level must show a near-empty bin.</summary>
    AwaitingEmptyReading,

    /// <summary>Failed, emptied and read near-empty: good readings in a row now count towards ok.</summary>
    Armed,
}
