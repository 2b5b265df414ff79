using CityTwin.Routing.Problems;
using CityTwin.Routing.Tests.Solving;
using CityTwin.Routing.Zoning;

namespace CityTwin.Routing.Tests.Zoning;

public class SweepZoningTests
{
    [Fact]
    public void Every_stop_lands_in_exactly_one_zone_and_vehicles_are_dealt_evenly()
    {
        var problem = SampleProblems.Scattered(120, 8, seed: 4, TimeSpan.FromSeconds(1));

        var zones = SweepZoning.Split(problem, 3);

        Assert.Equal(problem.Stops(), zones.SelectMany(z => z.Stops).Order());
        Assert.Equal(Enumerable.Range(0, 8), zones.SelectMany(z => z.Vehicles));
        Assert.Equal([2, 3, 3], zones.Select(z => z.Vehicles.Count));
    }

    [Fact]
    public void Zones_take_the_demand_their_share_of_the_capacity_calls_for_within_one_stop()
    {
        var problem = SampleProblems.Scattered(120, 8, seed: 5, TimeSpan.FromSeconds(1));

        var zones = SweepZoning.Split(problem, 3);

        // Demand 1 per stop and equal vehicles: 120 stops over 2, 3 and 3 of 8 vehicles.
        Assert.Equal([30, 45, 45], zones.Select(z => z.Stops.Count));
    }

    [Fact]
    public void Zones_are_wedges_around_the_depot()
    {
        // Stops evenly around a circle: each zone must be a run of neighbouring angles.
        var points = Enumerable.Range(0, 36)
            .Select(k => new PlanePoint(100 * Math.Cos(k * Math.PI / 18), 100 * Math.Sin(k * Math.PI / 18)))
            .Prepend(new PlanePoint(0, 0)).ToArray();
        var problem = new RoutingProblem
        {
            Costs = TravelCosts.Euclidean(points),
            Demands = points.Select((_, i) => i == 0 ? 0L : 1L).ToArray(),
            Vehicles = Enumerable.Repeat(new Vehicle(20, 0), 4).ToArray(),
        };

        var zones = SweepZoning.Split(problem, 4);

        Assert.All(zones, zone =>
        {
            Assert.Equal(9, zone.Stops.Count);
            var steps = zone.Stops.Zip(zone.Stops.Skip(1), (a, b) => ((b - a) % 36 + 36) % 36);
            Assert.All(steps, step => Assert.Equal(1, step));
        });
    }

    [Fact]
    public void Too_little_spare_capacity_for_the_zones_is_refused_with_the_numbers()
    {
        // 10 stops of demand 3 in 2 zones of one vehicle (capacity 15) each: fits only if split 5 and 5.
        var problem = SampleProblems.OnALine([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], demands: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3], capacities: [14, 16]);

        var error = Assert.Throws<RoutingProblemException>(() => SweepZoning.Split(problem, 2));

        Assert.Contains("more than the 14 its 1 vehicles carry", error.Message);
    }

    [Fact]
    public void Several_depots_cannot_be_zoned()
    {
        var problem = SampleProblems.OnALine([10, 20, 30]) with { Vehicles = [new(3, 0), new(3, 1)] };

        Assert.Throws<ArgumentException>(() => SweepZoning.Split(problem, 2));
    }
}
