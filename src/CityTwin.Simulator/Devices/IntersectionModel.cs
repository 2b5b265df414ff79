using CityTwin.Ingestion.Payloads;
using CityTwin.Simulator.City;

namespace CityTwin.Simulator.Devices;

/// <summary>
/// A traffic controller's loop detectors: per approach (each road segment ending here), vehicles an hour,
/// occupancy, speed and queue, following the rush-hour waves; now and then an incident blocks an approach
/// for a while. Travel times on the outgoing segments come from the same congestion.
/// </summary>
public sealed class IntersectionModel : DeviceModel
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    private const double SaturationPerLane = 1_800;
    private readonly IReadOnlyList<CitySegment> approaches;
    private readonly IReadOnlyList<CitySegment> outgoing;
    private readonly double[] demandShare;
    private readonly DateTimeOffset?[] incidentUntil;

    public IntersectionModel(CityAsset asset, SimulationWorld world, TimeSpan interval)
        : base(asset, world, interval)
    {
        approaches = world.Roads.Into(asset.Id);
        outgoing = world.Roads.OutOf(asset.Id);
        demandShare = [.. approaches.Select(a => (a.Lanes > 1 ? 0.55 : 0.25) * (0.7 + Random.NextDouble() * 0.6))];
        incidentUntil = new DateTimeOffset?[approaches.Count];
    }

    public bool HasIncident => incidentUntil.Any(i => i is not null);

    protected override ReadingMessage Measure(DateTimeOffset now, DateTimeOffset local, TimeSpan elapsed)
    {
        var traffic = CityEnvironment.TrafficLevel(local) * (World.Environment.IsWet(now) ? 1.1 : 1);
        var readings = new List<ApproachMessage>(approaches.Count);
        for (var i = 0; i < approaches.Count; i++)
        {
            var segment = approaches[i];
            if (incidentUntil[i] is { } until && now >= until)
            {
                incidentUntil[i] = null;
                Tell($"incident cleared: {segment.Id}");
            }
            else if (incidentUntil[i] is null && Chance(0.002 * (0.5 + traffic), elapsed))
            {
                incidentUntil[i] = now + TimeSpan.FromMinutes(15 + Random.NextDouble() * 45);
                Tell($"incident: {segment.Id} blocked");
            }
            var incident = incidentUntil[i] is not null;
            var capacity = SaturationPerLane * segment.Lanes * 0.45;
            var demand = Math.Max(0, capacity * demandShare[i] * traffic * 1.6 * (1 + Noise(0.08)));
            var flow = incident ? Math.Min(demand, capacity * 0.2) : Math.Min(demand, capacity);
            var ratio = demand / capacity;
            var occupancy = incident ? 0.85 : Math.Clamp(0.04 + 0.6 * ratio * ratio, 0, 0.95);
            var speed = segment.FreeFlowSpeedKmh * (incident ? 0.15 : Math.Clamp(1 - 0.75 * ratio * ratio, 0.15, 1)) * (1 + Noise(0.03));
            var queue = incident ? 20 + Random.Next(30) : Math.Max(0, (int)Math.Round((ratio - 0.6) * 40 * segment.Lanes));
            readings.Add(new ApproachMessage
            {
                ApproachId = segment.Id,
                Intensity = Math.Round(flow),
                Occupancy = Math.Round(occupancy, 3),
                AverageVehicleSpeed = Math.Round(Math.Clamp(speed, 1, 130), 1),
                QueueLength = queue,
                Incident = incident,
            });
        }
        var congestion = Math.Clamp(1 - 0.6 * traffic * traffic, 0.3, 1);
        return new IntersectionMessage
        {
            Approaches = readings,
            TravelTimes = [.. outgoing.Select(s => new TravelTimeMessage
            {
                SegmentId = s.Id,
                Seconds = Math.Round(s.LengthMetres / (s.FreeFlowSpeedKmh / 3.6 * congestion) + Random.NextDouble() * 8, 1),
            })],
        };
    }

    /// <summary>The speed traffic moves at on <paramref name="segment"/> now (trucks drive at it).</summary>
    public static double CongestedSpeedKmh(CitySegment segment, DateTimeOffset local)
    {
        var traffic = CityEnvironment.TrafficLevel(local);
        return segment.FreeFlowSpeedKmh * Math.Clamp(1 - 0.6 * traffic * traffic, 0.3, 1);
    }
}
