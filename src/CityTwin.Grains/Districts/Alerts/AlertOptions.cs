namespace CityTwin.Grains.Districts.Alerts;

/// <summary>Alert delivery and escalation; bound from the <c>Alerts</c> configuration section.</summary>
public sealed class AlertOptions
{
    /// <summary>URLs every alert notice is POSTed to as JSON (<c>Alerts:Webhooks:0</c>, ...). None: alerts are kept, not delivered.</summary>
    public List<string> Webhooks { get; set; } = [];

    /// <summary>An alert nobody acknowledged for this long is escalated and delivered again.</summary>
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromMinutes(30);

    public int MaxEscalations { get; set; } = 3;

    /// <summary>How often each district runs escalations and the ends of maintenance windows.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Notices waiting for delivery, silo-wide; when full the oldest is dropped (and logged).</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Tries per notice and webhook before it is given up (and logged).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait before the first retry; each further retry waits twice as long.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
