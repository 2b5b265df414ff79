using CityTwin.Routing.CvrpLib;

namespace CityTwin.Routing.Tests.CvrpLib;

public class CvrpLibReaderTests
{
    private const string Small = """
        NAME : tiny-n4-k2
        TYPE : CVRP
        DIMENSION : 4
        EDGE_WEIGHT_TYPE : EUC_2D
        CAPACITY : 10
        NODE_COORD_SECTION
        1 0 0
        2 3 4
        3 0 2.5
        4 -6 -8
        DEMAND_SECTION
        1 0
        2 4
        3 5
        4 6
        DEPOT_SECTION
        1
        -1
        EOF
        """;

    private static CvrpLibFormatException Refused(string text) =>
        Assert.Throws<CvrpLibFormatException>(() => CvrpLibReader.Read(text, "bad.vrp"));

    [Fact]
    public void A_published_file_is_read_with_its_specification_and_nint_distances()
    {
        var instance = CvrpLibReader.ReadFile(PublishedInstances.PathOf("E-n22-k4"));

        Assert.Equal(("E-n22-k4", 22, 6000L, 4), (instance.Name, instance.Dimension, instance.Capacity, instance.Vehicles));
        Assert.Equal([0], instance.Depots);
        Assert.Equal(22, instance.Demands.Count);
        Assert.Equal(0, instance.Demands[0]);
        // Nodes 1 and 2 of the file, (145, 215) and (151, 264): sqrt(2437) = 49.37, rounded to 49.
        Assert.Equal(49, instance.Costs.Matrix([0, 1])[0][1]);
    }

    [Fact]
    public void Distances_round_half_away_from_zero_like_tsplib_nint()
    {
        var costs = CvrpLibReader.Read(Small).Costs.Matrix([0, 1, 2, 3]);

        Assert.Equal(5, costs[0][1]);
        Assert.Equal(3, costs[0][2]); // 2.5 rounds up
        Assert.Equal(10, costs[0][3]);
    }

    [Theory]
    [InlineData("LOWER_ROW", "3\n4 5")]
    [InlineData("UPPER_ROW", "3 4\n5")]
    [InlineData("LOWER_DIAG_ROW", "0\n3 0\n4 5 0")]
    [InlineData("FULL_MATRIX", "0 3 4\n3 0 5\n4 5 0")]
    public void Explicit_matrices_are_read_in_each_supported_layout(string format, string weights)
    {
        var text = $"NAME : m\nTYPE : CVRP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EXPLICIT\nEDGE_WEIGHT_FORMAT : {format}\nCAPACITY : 5\n" +
                   $"EDGE_WEIGHT_SECTION\n{weights}\nDEMAND_SECTION\n1 0\n2 1\n3 1\nDEPOT_SECTION\n1\n-1\nEOF\n";

        var instance = CvrpLibReader.Read(text);

        Assert.Null(instance.Coordinates);
        Assert.Equal([[0L, 3, 4], [3, 0, 5], [4, 5, 0]], instance.Costs.Matrix([0, 1, 2]));
    }

    [Fact]
    public void The_fleet_size_comes_from_vehicles_or_else_the_name()
    {
        Assert.Equal(2, CvrpLibReader.Read(Small).Vehicles);
        Assert.Equal(7, CvrpLibReader.Read(Small.Replace("CAPACITY : 10", "CAPACITY : 10\nVEHICLES : 7")).Vehicles);
        Assert.Null(CvrpLibReader.Read(Small.Replace("tiny-n4-k2", "tiny")).Vehicles);
        Assert.Throws<InvalidOperationException>(() => CvrpLibReader.Read(Small.Replace("tiny-n4-k2", "tiny")).ToProblem(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_malformed_coordinate_line_is_refused_with_its_line_and_section()
    {
        var error = Refused(Small.Replace("2 3 4", "2 3"));

        Assert.Equal((8, "NODE_COORD_SECTION"), (error.Line, error.Field));
        Assert.Equal("bad.vrp: line 8, NODE_COORD_SECTION: expected 'node x y', got '2 3'", error.Message);
    }

    [Fact]
    public void A_coordinate_that_is_not_a_number_is_refused()
    {
        var error = Refused(Small.Replace("3 0 2.5", "3 0 two"));

        Assert.Equal((9, "NODE_COORD_SECTION y"), (error.Line, error.Field));
    }

    [Fact]
    public void A_node_number_beyond_the_dimension_is_refused() =>
        Assert.Contains("node '5' is not a number in 1..4 (DIMENSION)", Refused(Small.Replace("4 6\n", "5 6\n")).Message);

    [Fact]
    public void A_node_given_twice_names_both_lines()
    {
        var error = Refused(Small.Replace("3 5\n", "2 5\n"));

        Assert.Equal((14, "DEMAND_SECTION"), (error.Line, error.Field));
        Assert.Contains("node 1 is given twice (first on line 13)", error.Message);
    }

    [Fact]
    public void A_node_without_demand_is_named()
    {
        var error = Refused(Small.Replace("3 5\n", ""));

        Assert.Equal((11, "DEMAND_SECTION"), (error.Line, error.Field));
        Assert.Contains("lacks node(s) 3 of DIMENSION 4", error.Message);
    }

    [Fact]
    public void A_negative_demand_is_refused() =>
        Assert.Equal("DEMAND_SECTION", Refused(Small.Replace("2 4\n", "2 -4\n")).Field);

    [Fact]
    public void A_missing_capacity_is_refused_for_the_whole_file()
    {
        var error = Refused(Small.Replace("CAPACITY : 10\n", ""));

        Assert.Equal((0, "CAPACITY"), (error.Line, error.Field));
        Assert.Equal("bad.vrp: CAPACITY: is missing", error.Message);
    }

    [Theory]
    [InlineData("TYPE : CVRP", "TYPE : TSP", "TYPE")]
    [InlineData("EDGE_WEIGHT_TYPE : EUC_2D", "EDGE_WEIGHT_TYPE : GEO", "EDGE_WEIGHT_TYPE")]
    [InlineData("CAPACITY : 10", "CAPACITY : ten", "CAPACITY")]
    [InlineData("DIMENSION : 4", "DIMENSION : 0", "DIMENSION")]
    public void Unsupported_or_malformed_specification_values_are_refused_on_their_line(string good, string bad, string field)
    {
        var text = Small.Replace(good, bad);
        var line = text.Split('\n').ToList().FindIndex(l => l.StartsWith(bad, StringComparison.Ordinal)) + 1;

        var error = Refused(text);

        Assert.Equal((line, field), (error.Line, error.Field));
    }

    [Fact]
    public void A_section_before_the_dimension_is_refused()
    {
        var text = "NAME : x\nNODE_COORD_SECTION\n1 0 0\nDIMENSION : 1\n";

        Assert.Equal((2, "NODE_COORD_SECTION"), (Refused(text).Line, Refused(text).Field));
    }

    [Fact]
    public void A_depot_with_demand_is_refused_on_its_line() =>
        Assert.Equal((17, "DEPOT_SECTION"), (Refused(Small.Replace("DEPOT_SECTION\n1\n", "DEPOT_SECTION\n2\n")).Line, Refused(Small.Replace("DEPOT_SECTION\n1\n", "DEPOT_SECTION\n2\n")).Field));

    [Fact]
    public void An_explicit_section_with_too_many_weights_points_at_the_first_extra_one()
    {
        var text = "NAME : m\nTYPE : CVRP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EXPLICIT\nEDGE_WEIGHT_FORMAT : LOWER_ROW\nCAPACITY : 5\n" +
                   "EDGE_WEIGHT_SECTION\n3\n4 5\n6\nDEMAND_SECTION\n1 0\n2 1\n3 1\nDEPOT_SECTION\n1\n-1\n";

        var error = Refused(text);

        Assert.Equal((10, "EDGE_WEIGHT_SECTION"), (error.Line, error.Field));
        Assert.Contains("has 4 weights; LOWER_ROW of dimension 3 needs 3", error.Message);
    }

    [Fact]
    public void Stray_text_outside_any_section_is_refused() =>
        Assert.Equal((1, "line"), (Refused("hello\n" + Small).Line, Refused("hello\n" + Small).Field));
}
