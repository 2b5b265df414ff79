using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Inventory;
using CityTwin.Domain.Common;
using CityTwin.Domain.Lighting;

namespace CityTwin.Grains.Districts.Lighting;

/// <summary>
/// A district's lights as the dimming rules see them: which lights share a street (the segments between the
/// same two intersections, either way), which intersections are adjacent to a light (its segment's ends), when
/// each last saw someone, and the sun at the district's centre. <see cref="Evaluate"/> turns that into targets
/// and offers them to the command queue; the grain sends what the queue lets out. No Orleans here.
/// </summary>
public sealed class LightingPlanner(double latitude, double longitude, TimeZoneInfo zone)
{
    private readonly Dictionary<string, (string From, string To)> segmentEnds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> lastPresence = new(StringComparer.Ordinal);
    /// <summary>
    /// Sightings by time, so the earliest end of a presence hold is found without looking at every light (a
    /// scan per presence change made a district of 12,000 lights fall behind its notifications). Entries that
    /// are no longer a light's latest sighting are dropped when they reach the front.
    /// </summary>
    private readonly PriorityQueue<string, DateTimeOffset> sightings = new();
    private TimeSpan? sightingsHold;
    private Dictionary<string, List<string>>? lightsByStreet;
    private (DateOnly Date, SunHorizon Horizon, Daylight Daylight)? sun;

    public TimeZoneInfo Zone => zone;

    /// <summary>Each light's target as last evaluated.</summary>
    public Dictionary<string, DimmingDecision> Targets { get; } = new(StringComparer.Ordinal);

    public void SetRoads(IEnumerable<RoadSegment> segments)
    {
        segmentEnds.Clear();
        foreach (var s in segments)
            segmentEnds[s.Id] = string.CompareOrdinal(s.FromIntersectionId, s.ToIntersectionId) <= 0
                ? (s.FromIntersectionId, s.ToIntersectionId)
                : (s.ToIntersectionId, s.FromIntersectionId);
        lightsByStreet = null;
    }

    public Daylight DaylightAt(DateTimeOffset now, SunHorizon horizon)
    {
        var date = LocalClock.LocalDate(now, zone);
        if (sun is not { } known || known.Date != date || known.Horizon != horizon)
            sun = (date, horizon, SunTimes.Around(latitude, longitude, now, zone, horizon));
        return sun.Value.Daylight;
    }

    /// <summary>
    /// A light's picture moved: remembers when it last saw someone and returns the lights to look at again (it
    /// and, since its failure or recovery concerns them, the others on its street).
    /// </summary>
    public IReadOnlyCollection<string> Observe(string lightId, AssetPicture? previous, AssetPicture? current, DateTimeOffset at, DistrictPicture picture)
    {
        var wasPresent = previous?.Band(PictureBands.Presence) == "yes";
        var isPresent = current?.Band(PictureBands.Presence) == "yes";
        if (isPresent || wasPresent)
        {
            lastPresence[lightId] = at;
            sightings.Enqueue(lightId, at);
        }
        if (previous?.RoadSegmentId != current?.RoadSegmentId)
            lightsByStreet = null;
        if (current is null)
        {
            Targets.Remove(lightId);
            lastPresence.Remove(lightId);
        }
        return StreetOf(lightId, picture);
    }

    /// <summary>A light and the others on its street.</summary>
    public IReadOnlyCollection<string> StreetOf(string lightId, DistrictPicture picture) =>
        StreetKey(picture.Of(lightId)?.RoadSegmentId) is { } street && LightsByStreet(picture).TryGetValue(street, out var members)
            ? [.. members.Append(lightId).Distinct(StringComparer.Ordinal)]
            : [lightId];

    /// <summary>The lights whose targets an intersection's traffic feeds.</summary>
    public IReadOnlyCollection<string> LightsNear(string intersectionId, DistrictPicture picture)
    {
        var lights = new List<string>();
        foreach (var (street, members) in LightsByStreet(picture))
        {
            var ends = street.Split('|');
            if (ends.Contains(intersectionId, StringComparer.Ordinal))
                lights.AddRange(members);
        }
        return lights;
    }

    /// <summary>Evaluates <paramref name="lights"/> (all of the district's when null) and offers their targets to the queue.</summary>
    /// <param name="failed">Whether a light has a lamp or column fault.</param>
    /// <param name="stale">Whether an asset is stale (its last report no longer describes it).</param>
    public CommandBatch Evaluate(
        DistrictCoordinationState state,
        DimmingPolicy policy,
        DistrictPicture picture,
        Func<string, bool> failed,
        Func<string, bool> stale,
        IEnumerable<string>? lights,
        DateTimeOffset now)
    {
        var daylight = DaylightAt(now, policy.Horizon);
        var streets = LightsByStreet(picture);
        foreach (var lightId in lights ?? picture.AssetsOf(AssetKind.Streetlight).ToList())
        {
            if (picture.Of(lightId) is not { } light)
                continue;
            var context = new LightContext(
                lightId,
                light.Band(PictureBands.Presence) == "yes",
                lastPresence.TryGetValue(lightId, out var seen) ? seen : null,
                NearbyTraffic(light, picture, stale),
                StreetKey(light.RoadSegmentId) is { } street && streets.TryGetValue(street, out var mates)
                    && mates.Any(other => other != lightId && failed(other)));
            var target = DimmingRules.Target(policy, context, state.Overrides, daylight, now);
            Targets[lightId] = target;
            state.Commands.Offer(lightId, target, now);
        }
        return state.Commands.Drain(policy, now);
    }

    /// <summary>When a target may change next without any notification: a sun change, an override's edge, a presence hold's end.</summary>
    public DateTimeOffset? NextChange(DistrictCoordinationState state, DimmingPolicy policy, DateTimeOffset now)
    {
        var candidates = new List<DateTimeOffset?>
        {
            DaylightAt(now, policy.Horizon).NextChange(now) ?? LocalClock.StartOfDay(LocalClock.LocalDate(now, zone).AddDays(1), zone),
        };
        candidates.AddRange(state.Overrides.SelectMany(o => new DateTimeOffset?[] { o.From, o.Until }).Where(t => t > now));
        candidates.Add(EarliestHoldEnd(policy.PresenceHold, now));
        return candidates.Min();
    }

    /// <summary>When the first presence hold still running ends (null when none runs).</summary>
    private DateTimeOffset? EarliestHoldEnd(TimeSpan hold, DateTimeOffset now)
    {
        if (sightingsHold != hold)
        {
            // A new policy's hold may bring back sightings already dropped: start again from the latest ones.
            sightings.Clear();
            foreach (var (light, seen) in lastPresence)
                sightings.Enqueue(light, seen);
            sightingsHold = hold;
        }
        while (sightings.TryPeek(out var light, out var seen))
        {
            if (seen + hold > now && lastPresence.TryGetValue(light, out var latest) && latest == seen)
                return seen + hold;
            sightings.Dequeue();
        }
        return null;
    }

    private double? NearbyTraffic(AssetPicture light, DistrictPicture picture, Func<string, bool> stale)
    {
        if (light.RoadSegmentId is not { } segment || !segmentEnds.TryGetValue(segment, out var ends))
            return null;
        double? busiest = null;
        foreach (var intersection in new[] { ends.From, ends.To })
        {
            if (stale(intersection) || picture.Of(intersection)?.Measure(PictureMeasures.Intensity) is not { } intensity)
                continue;
            busiest = Math.Max(busiest ?? 0, intensity);
        }
        return busiest;
    }

    private string? StreetKey(string? segmentId) =>
        segmentId is not null && segmentEnds.TryGetValue(segmentId, out var ends) ? $"{ends.From}|{ends.To}" : null;

    private Dictionary<string, List<string>> LightsByStreet(DistrictPicture picture)
    {
        if (lightsByStreet is not null)
            return lightsByStreet;
        lightsByStreet = new(StringComparer.Ordinal);
        foreach (var lightId in picture.AssetsOf(AssetKind.Streetlight))
        {
            if (StreetKey(picture.Of(lightId)?.RoadSegmentId) is not { } street)
                continue;
            if (!lightsByStreet.TryGetValue(street, out var members))
                lightsByStreet[street] = members = [];
            members.Add(lightId);
        }
        return lightsByStreet;
    }
}
