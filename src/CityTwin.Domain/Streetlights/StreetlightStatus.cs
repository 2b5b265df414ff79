namespace CityTwin.Domain.Streetlights;

/// <summary>
/// FIWARE Streetlight <c>status</c>, as far as telemetry can tell it. FIWARE's fourth value, brokenLantern,
/// is physical damage that only an inspection or a citizen report can establish, so the rules never set it.
/// </summary>
public enum StreetlightStatus
{
    Ok,
    /// <summary>The lamp draws power inconsistent with its level: failed LED strings, a failing driver.</summary>
    DefectiveLamp,
    /// <summary>The lamp draws nothing although it should be lit: fuse, cable or supply in the column.</summary>
    ColumnIssue,
}
