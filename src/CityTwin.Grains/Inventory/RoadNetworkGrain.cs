using CityTwin.Contracts.Assets;
using CityTwin.Contracts.City;
using CityTwin.Contracts.Common;
using CityTwin.Contracts.Inventory;
using CityTwin.Domain.Inventory;
using CityTwin.Grains.Persistence;
using Orleans.Runtime;

namespace CityTwin.Grains.Inventory;

public sealed class RoadNetworkGrain(
    [PersistentState(StorageNames.RoadNetworkState, StorageNames.Provider)] IPersistentState<RoadNetworkState> network)
    : Grain, IRoadNetworkGrain
{
    /// <summary>What reads see: rebuilt only after a write succeeded, so an interleaved read never sees an unstored change.</summary>
    private DistrictRoadNetwork stored = null!;

    private string DistrictId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        stored = new DistrictRoadNetwork(DistrictId, network.State.Segments.Values);
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<CommandResult> UpsertSegments(IReadOnlyList<RoadSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var errors = Validate(segments);
        if (errors.Count > 0)
            return CommandResult.Rejected(errors);
        if (await GrainFactory.GetGrain<ICityDirectoryGrain>(CityDirectory.Key).GetDistrict(DistrictId) is null)
            return CommandResult.Rejected("districtId", $"no district '{DistrictId}' in the city directory");

        var changed = segments
            .Where(s => !(network.State.Segments.TryGetValue(s.Id, out var current) && current.Equals(s)))
            .ToList();
        if (changed.Count == 0)
            return CommandResult.Ok;

        var previous = changed.Select(s => (s.Id, Segment: network.State.Segments.GetValueOrDefault(s.Id))).ToList();
        foreach (var segment in changed)
            network.State.Segments[segment.Id] = segment;
        try
        {
            await network.WriteStateAsync();
        }
        catch
        {
            // Acknowledge only what is stored: memory goes back to what storage holds.
            foreach (var (id, segment) in previous)
            {
                if (segment is null) network.State.Segments.Remove(id);
                else network.State.Segments[id] = segment;
            }
            throw;
        }
        stored = new DistrictRoadNetwork(DistrictId, network.State.Segments.Values);
        return CommandResult.Ok;
    }

    public Task<IReadOnlyList<RoadSegment>> GetSegments() => Task.FromResult(stored.Segments);

    public Task<RoadSegmentMatch?> Nearest(GeoPoint point) => Task.FromResult(stored.Nearest(point));

    private List<FieldError> Validate(IReadOnlyList<RoadSegment> segments)
    {
        var errors = new List<FieldError>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Count; i++)
        {
            var prefix = $"segments[{i}]";
            if (segments[i] is not { } segment)
            {
                errors.Add(new(prefix, "is required"));
                continue;
            }
            var points = (segment.Geometry ?? []).Select(p => new GeoCoordinate(p?.Latitude ?? double.NaN, p?.Longitude ?? double.NaN)).ToList();
            var violations = RoadSegmentRules.Validate(segment.Id, segment.FromIntersectionId, segment.ToIntersectionId, segment.DistrictId,
                points, segment.LengthMetres, segment.FreeFlowSpeedKmh, segment.Lanes);
            errors.AddRange(violations.Select(v => new FieldError($"{prefix}.{v.Field}", v.Message)));
            if (segment.DistrictId is not null && segment.DistrictId != DistrictId)
                errors.Add(new($"{prefix}.districtId", $"'{segment.DistrictId}' is not this network's district '{DistrictId}'"));
            if (segment.Id is not null && !positions.TryAdd(segment.Id, i))
                errors.Add(new($"{prefix}.segmentId", $"'{segment.Id}' is also segments[{positions[segment.Id]}]"));
        }
        return errors;
    }
}
