using CityTwin.Contracts.Intersections;

namespace CityTwin.Ingestion.Payloads;

/// <summary>An intersection reading: a TrafficFlowObserved per approach, and travel times on outgoing segments.</summary>
public sealed class IntersectionMessage : ReadingMessage
{
    public List<ApproachMessage>? Approaches { get; set; }
    public List<TravelTimeMessage>? TravelTimes { get; set; }

    protected override void ValidateFields(FieldErrors errors)
    {
        if (Approaches is null)
        {
            errors.Add("approaches", "is required");
            return;
        }
        if (Approaches.Count > 32)
            errors.Add("approaches", $"{Approaches.Count} approaches; at most 32");
        for (var i = 0; i < Approaches.Count; i++)
        {
            var at = errors.Under($"approaches[{i}]");
            if (Approaches[i] is not { } approach)
            {
                at.Add("approachId", "is required");
                continue;
            }
            at.Require("approachId", approach.ApproachId);
            at.Require("intensity", approach.Intensity);
            at.Require("occupancy", approach.Occupancy);
            at.Require("averageVehicleSpeed", approach.AverageVehicleSpeed);
            at.Range("intensity", approach.Intensity, 0, 20_000);
            at.Range("occupancy", approach.Occupancy, 0, 1);
            at.Range("averageVehicleSpeed", approach.AverageVehicleSpeed, 0, 300);
            at.Range("queueLength", approach.QueueLength, 0, 10_000);
        }
        if (TravelTimes is { Count: > 64 })
            errors.Add("travelTimes", $"{TravelTimes.Count} travel times; at most 64");
        for (var i = 0; TravelTimes is not null && i < TravelTimes.Count; i++)
        {
            var at = errors.Under($"travelTimes[{i}]");
            at.Require("segmentId", TravelTimes[i]?.SegmentId);
            at.Require("seconds", TravelTimes[i]?.Seconds);
            at.Range("seconds", TravelTimes[i]?.Seconds, 0, 86_400);
        }
    }

    public override object ToTelemetry() => new IntersectionTelemetry(
        Approaches!.Select(a => new ApproachTelemetry(
            a.ApproachId!, a.Intensity!.Value, a.Occupancy!.Value, a.AverageVehicleSpeed!.Value, a.QueueLength ?? 0, a.Incident ?? false)).ToArray(),
        TravelTimes?.Select(t => new TravelTimeTelemetry(t.SegmentId!, t.Seconds!.Value)).ToArray());
}

public sealed class ApproachMessage
{
    public string? ApproachId { get; set; }
    /// <summary>Vehicles per hour.</summary>
    public double? Intensity { get; set; }
    /// <summary>0..1.</summary>
    public double? Occupancy { get; set; }
    /// <summary>km/h.</summary>
    public double? AverageVehicleSpeed { get; set; }
    public int? QueueLength { get; set; }
    public bool? Incident { get; set; }
}

public sealed class TravelTimeMessage
{
    public string? SegmentId { get; set; }
    public double? Seconds { get; set; }
}
