using CityTwin.Domain.Lighting;

namespace CityTwin.Domain.Tests.Lighting;

public class DimmingPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_default_policy_is_valid()
    {
        Assert.Empty(new DimmingPolicy { DistrictId = "centrum" }.Validate());
    }

    [Theory]
    [InlineData(nameof(DimmingPolicy.DimmedLevel), 1.5, "dimmedLevel")]
    [InlineData(nameof(DimmingPolicy.TrafficLevel), 0.4, "levels")]
    [InlineData(nameof(DimmingPolicy.FailedNeighbourLevel), 0.1, "failedNeighbourLevel")]
    [InlineData(nameof(DimmingPolicy.LowTrafficPerHour), -1, "lowTrafficPerHour")]
    [InlineData(nameof(DimmingPolicy.MaxCommandsPerSecond), 0.2, "maxCommandsPerSecond")]
    public void A_bad_policy_is_refused_naming_the_field(string property, double value, string field)
    {
        var policy = new DimmingPolicy { DistrictId = "centrum" };
        policy = property switch
        {
            nameof(DimmingPolicy.DimmedLevel) => policy with { DimmedLevel = value },
            nameof(DimmingPolicy.TrafficLevel) => policy with { TrafficLevel = value },
            nameof(DimmingPolicy.FailedNeighbourLevel) => policy with { FailedNeighbourLevel = value },
            nameof(DimmingPolicy.LowTrafficPerHour) => policy with { LowTrafficPerHour = value },
            _ => policy with { MaxCommandsPerSecond = value },
        };

        Assert.Contains(policy.Validate(), v => v.Field == field);
    }

    [Fact]
    public void Revisions_are_numbered_and_stamped_with_who_and_when()
    {
        var history = new DimmingPolicyHistory();

        Assert.Empty(history.Revise(new DimmingPolicy { DistrictId = "centrum" }, "alice", T0, "first policy"));
        Assert.Empty(history.Revise(history.Current! with { DimmedLevel = 0.3 }, "bob", T0.AddDays(1), "deeper dimming"));

        Assert.Equal([1, 2], history.Versions.Select(v => v.Version));
        Assert.Equal(("bob", T0.AddDays(1), "deeper dimming", 0.3),
            (history.Current!.ChangedBy, history.Current.ChangedAt, history.Current.ChangeNote, history.Current.DimmedLevel));
        Assert.Equal(0.5, history.InForceAt(T0.AddHours(12))!.DimmedLevel);
        Assert.Null(history.InForceAt(T0.AddSeconds(-1)));
    }

    [Fact]
    public void A_refused_revision_leaves_the_history_as_it_was()
    {
        var history = new DimmingPolicyHistory();
        history.Revise(new DimmingPolicy { DistrictId = "centrum" }, "alice", T0);

        var violations = history.Revise(history.Current! with { SafetyMinimumLevel = 0.6 }, "", T0.AddDays(-1));

        Assert.Equal(["levels", "changedBy", "changedAt"], violations.Select(v => v.Field));
        Assert.Single(history.Versions);
        Assert.Contains(history.Revise(history.Current! with { DistrictId = "west" }, "bob", T0.AddDays(1)), v => v.Field == "districtId");
    }
}
