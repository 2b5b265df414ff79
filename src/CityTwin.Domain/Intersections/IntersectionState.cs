using System.Text.Json.Serialization;

namespace CityTwin.Domain.Intersections;

/// <summary>
/// The persisted twin of an intersection. Arrays are sized by the provisioning (one entry per approach and
/// per outgoing segment, in provisioning order); create it with <see cref="IntersectionRules.CreateState"/>.
/// </summary>
public sealed class IntersectionState
{
    public ApproachState[] Approaches { get; set; } = [];
    public SegmentTravelState[] Segments { get; set; } = [];

    /// <summary>The worst approach level.</summary>
    public CongestionLevel Congested { get; set; }

    public SignalPlan SignalPlan { get; set; } = SignalPlan.None;
}

/// <summary>The latest TrafficFlowObserved of one approach and what has been learned from its history.</summary>
public sealed class ApproachState
{
    public string Id { get; set; } = "";
    public double Intensity { get; set; }
    public double Occupancy { get; set; }
    public double AverageVehicleSpeed { get; set; }
    public int QueueLength { get; set; }
    public bool Incident { get; set; }
    public CongestionLevel Congested { get; set; }
    public FlowProfile Profile { get; set; } = new();
    public RecentFlow Recent { get; set; } = new();

    /// <summary>The next-hour forecast the district was last told about, veh/h; 0 before the first.</summary>
    public double SignalledForecast { get; set; }
}

/// <summary>
/// Typical flow per local weekday and hour (Monday 00:00 first), learned one observed hour at a time.
/// </summary>
public sealed class FlowProfile
{
    public const int Buckets = 7 * 24;

    /// <summary>Flow in whole veh/h, the precision a forecast needs; serialised as base64 to stay small.</summary>
    [JsonConverter(typeof(UInt16ArrayBase64Converter))]
    public ushort[] Flow { get; set; } = new ushort[Buckets];

    /// <summary>How many observed hours each bucket has learned from (about one a week), saturating at 255.</summary>
    public byte[] Hours { get; set; } = new byte[Buckets];

    /// <summary>The local hour being observed, as whole hours since 0001-01-01 local; 0 when none.</summary>
    public int OpenHour { get; set; }

    public double OpenSum { get; set; }
    public int OpenCount { get; set; }
}

/// <summary>The last few readings' flows, oldest first, for the short-term trend and the signal plan's demand.</summary>
public sealed class RecentFlow
{
    public const int Capacity = 10;

    /// <summary>Unix seconds of each reading.</summary>
    public long[] At { get; set; } = new long[Capacity];

    /// <summary>Intensity in whole veh/h.</summary>
    public ushort[] Intensity { get; set; } = new ushort[Capacity];

    public int Count { get; set; }
}

/// <summary>The last few travel-time samples on one outgoing segment, oldest first.</summary>
public sealed class SegmentTravelState
{
    public const int Capacity = 7;

    public string Id { get; set; } = "";

    /// <summary>Unix seconds at which each sample was reported.</summary>
    public long[] At { get; set; } = new long[Capacity];

    /// <summary>Travel time in whole seconds.</summary>
    public ushort[] Seconds { get; set; } = new ushort[Capacity];

    public int Count { get; set; }
}
