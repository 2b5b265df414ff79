using System.Text.Json;
using System.Text.Json.Serialization;
using CityTwin.Domain.Trucks;
using static CityTwin.Domain.Tests.Trucks.TruckFixture;

namespace CityTwin.Domain.Tests.Trucks;

public class TruckStateJsonTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>A truck deep into a ten-stop route with a full trail and a full collection memory.</summary>
    private static TruckState BusyState()
    {
        var state = new TruckState();
        TruckRules.Apply(state, Truck, AtDepot(), T0);
        var stops = Enumerable.Range(0, 10)
            .Select(i => new RouteStop($"bin-{1000 + i}", 52.3712345 + i * 0.001, 4.9012345 + i * 0.001)).ToList();
        TruckRules.AssignRoute(state, Truck, new RouteAssignment("plan-2025-06-02-north", stops), T0);
        for (var i = 0; i < 40; i++)
        {
            var collection = i < 6 ? new CollectionEvent($"lift-{i:D6}", stops[i].BinId, 57.5) : null;
            TruckRules.Apply(state, Truck,
                new TruckReading(52.3712345 + i * 0.0011, 4.9012345 + i * 0.0007, 23.4, 45.5, Collection: collection),
                T0.AddSeconds(67 * (i + 1)));
        }
        for (var i = 0; i < 2 * RecentCollections.Capacity; i++)
            state.RecentCollections.Remember($"lift-extra-{i}");
        return state;
    }

    [Fact]
    public void The_state_survives_a_round_trip()
    {
        var state = BusyState();
        var json = JsonSerializer.Serialize(state, Json);
        var copy = JsonSerializer.Deserialize<TruckState>(json, Json)!;

        Assert.Equal(json, JsonSerializer.Serialize(copy, Json));
        Assert.Equal(state.Route!.Completed, copy.Route!.Completed);
        Assert.Equal(state.Track.Latitudes, copy.Track.Latitudes);
        Assert.False(copy.RecentCollections.Remember("lift-extra-31"));
    }

    [Fact]
    public void The_status_is_written_with_its_fiware_name()
    {
        var json = JsonSerializer.Serialize(new TruckState { ServiceStatus = ServiceStatus.OutOfService }, Json);
        Assert.Contains("\"serviceStatus\":\"outOfService\"", json);
    }

    [Fact]
    public void A_full_trail_and_a_ten_stop_route_stay_under_two_kilobytes()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(BusyState(), Json);
        Assert.InRange(bytes.Length, 1, 2048);
    }

    [Fact]
    public void The_trail_keeps_a_point_per_fifty_metres_or_five_minutes()
    {
        var state = new TruckState();
        TruckRules.Apply(state, Truck, AtDepot(), T0);
        TruckRules.Apply(state, Truck, AtDepot(), T0.AddMinutes(4));
        Assert.Equal(1, state.Track.Count);

        TruckRules.Apply(state, Truck, AtDepot(), T0.AddMinutes(5));
        Assert.Equal(2, state.Track.Count);

        // 0.001° of latitude is about 111 m.
        TruckRules.Apply(state, Truck, new TruckReading(DepotLatitude + 0.001, DepotLongitude, 30, 0), T0.AddMinutes(5.5));
        Assert.Equal(3, state.Track.Count);
    }

    [Fact]
    public void The_trail_keeps_the_newest_points_oldest_first()
    {
        var state = new TruckState();
        for (var i = 0; i < TrackHistory.Capacity + 6; i++)
            TruckRules.Apply(state, Truck, new TruckReading(DepotLatitude + i * 0.001, DepotLongitude, 30, 0), T0.AddMinutes(i));

        var track = state.Track;
        Assert.Equal(TrackHistory.Capacity, track.Count);
        Assert.Equal(T0.AddMinutes(6), track.Start);
        Assert.Equal(0, track.Seconds[0]);
        Assert.Equal((float)(DepotLatitude + 6 * 0.001), track.Latitudes[0]);
        Assert.Equal((float)(DepotLatitude + (TrackHistory.Capacity + 5) * 0.001), track.Latitudes[^1]);
    }
}
