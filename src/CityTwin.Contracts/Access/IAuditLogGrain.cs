namespace CityTwin.Contracts.Access;

/// <summary>
/// The audit entries of one UTC day, keyed by the date as <c>yyyy-MM-dd</c> (<see cref="AuditLog.KeyFor"/>),
/// so no log grows without bound. Appends are written through before they are acknowledged.
/// </summary>
[Alias("citytwin.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    [Alias("Append")]
    Task Append(AuditEntry entry);

    /// <summary>The newest <paramref name="limit"/> entries, newest first.</summary>
    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<AuditEntry>> List(int limit);
}

public static class AuditLog
{
    public static string KeyFor(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string KeyFor(DateTimeOffset at) => KeyFor(DateOnly.FromDateTime(at.UtcDateTime));
}
