using CityTwin.Domain.Bins;
using CityTwin.Domain.Common;

namespace CityTwin.Domain.Tests.Bins;

public class BinFireAndStatusTests
{
    private static readonly DateTimeOffset T0 = BinTwin.Monday0800;

    private static BinOutcome Temperature(BinTwin bin, DateTimeOffset at, double celsius) =>
        bin.Read(at, new BinReading { TemperatureCelsius = celsius });

    [Fact]
    public void A_very_hot_bin_is_burning()
    {
        var bin = new BinTwin();
        Temperature(bin, T0, 22);
        var outcome = Temperature(bin, T0.AddMinutes(60), 74);
        Assert.Equal(BinStatus.Burning, bin.State.Status);
        Assert.Contains(outcome.Signals, s => s is { Kind: TwinSignalKind.FaultRaised, Code: BinSignalCodes.Fire });
    }

    [Theory]
    [InlineData(10, 32, true)]   // 12 °C in 10 minutes
    [InlineData(15, 36, true)]   // 16 °C between two routine reports
    [InlineData(30, 32, false)]  // 12 °C in half an hour: the afternoon sun
    [InlineData(10, 28, false)]  // 8 °C in 10 minutes: not enough
    [InlineData(45, 60, false)]  // the earlier reading is too old to compare with
    public void A_fast_rise_is_a_fire(int minutes, double celsius, bool fire)
    {
        var bin = new BinTwin();
        Temperature(bin, T0, 20);
        Temperature(bin, T0.AddMinutes(minutes), celsius);
        Assert.Equal(fire, bin.State.Burning);
    }

    [Fact]
    public void A_fire_is_out_once_the_temperature_is_back_near_where_it_rose_from()
    {
        var bin = new BinTwin();
        Temperature(bin, T0, 20);
        Temperature(bin, T0.AddMinutes(10), 35);
        Assert.True(bin.State.Burning);
        Assert.Equal(25, bin.State.FireClearBelowCelsius);

        Temperature(bin, T0.AddMinutes(40), 45);
        Temperature(bin, T0.AddMinutes(80), 30);
        Assert.True(bin.State.Burning);

        var outcome = Temperature(bin, T0.AddMinutes(120), 24);
        Assert.False(bin.State.Burning);
        Assert.Equal(BinStatus.Ok, bin.State.Status);
        Assert.Contains(outcome.Signals, s => s is { Kind: TwinSignalKind.FaultCleared, Code: BinSignalCodes.Fire });
        Assert.Single(bin.SignalsOf(TwinSignalKind.FaultRaised, BinSignalCodes.Fire));
    }

    [Fact]
    public void The_lid_opens_and_closes()
    {
        var bin = new BinTwin();
        bin.Read(T0, new BinReading { LidOpen = true });
        Assert.Equal(BinStatus.LidOpen, bin.State.Status);
        bin.Read(T0.AddMinutes(1), new BinReading { DistanceCm = 60 });
        Assert.Equal(BinStatus.LidOpen, bin.State.Status);
        var closed = bin.Read(T0.AddMinutes(2), new BinReading { LidOpen = false });
        Assert.Equal(BinStatus.Ok, bin.State.Status);
        Assert.Empty(closed.Signals);
    }

    [Fact]
    public void A_bin_tilted_beyond_sixty_degrees_has_fallen_over_until_it_is_upright_again()
    {
        var bin = new BinTwin();
        bin.Read(T0, new BinReading { TiltDegrees = 3 });
        var dropped = bin.Read(T0.AddMinutes(5), new BinReading { TiltDegrees = 85 });
        Assert.Equal(BinStatus.Dropped, bin.State.Status);
        Assert.Equal(new TwinSignal(TwinSignalKind.FaultRaised, BinSignalCodes.Dropped, "tilted 85°"), Assert.Single(dropped.Signals));

        bin.Read(T0.AddMinutes(10), new BinReading { TiltDegrees = 50 });
        Assert.Equal(BinStatus.Dropped, bin.State.Status);
        bin.Read(T0.AddMinutes(15), new BinReading { TiltDegrees = 4 });
        Assert.Equal(BinStatus.Ok, bin.State.Status);
        Assert.Single(bin.SignalsOf(TwinSignalKind.FaultCleared, BinSignalCodes.Dropped));
    }

    [Fact]
    public void A_bin_reporting_a_location_far_from_its_place_was_moved()
    {
        var bin = new BinTwin { Parameters = new BinParameters { BinCapacityLitres = 240, DepthCm = 100, Latitude = 52.3700, Longitude = 4.8900 } };
        bin.Read(T0, new BinReading { Latitude = 52.3701, Longitude = 4.8901 });
        Assert.Equal(BinStatus.Ok, bin.State.Status);

        var moved = bin.Read(T0.AddMinutes(15), new BinReading { Latitude = 52.3712, Longitude = 4.8900 }); // ~130 m north
        Assert.Equal(BinStatus.Moved, bin.State.Status);
        Assert.Equal(BinSignalCodes.Moved, Assert.Single(moved.Signals).Code);

        bin.Read(T0.AddMinutes(30), new BinReading { Latitude = 52.37005, Longitude = 4.8900 });
        Assert.Equal(BinStatus.Ok, bin.State.Status);
    }

    [Fact]
    public void The_most_urgent_status_wins()
    {
        var bin = new BinTwin();
        bin.Read(T0, new BinReading { LidOpen = true, TiltDegrees = 90 });
        Assert.Equal(BinStatus.Dropped, bin.State.Status);
        bin.Read(T0.AddMinutes(5), new BinReading { TemperatureCelsius = 90 });
        Assert.Equal(BinStatus.Burning, bin.State.Status);
    }
}
