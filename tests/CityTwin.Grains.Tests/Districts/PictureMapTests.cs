using System.Text.Json;
using CityTwin.Contracts.Districts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CityTwin.Grains.Tests.Districts;

/// <summary>The compact band and measure sets every twin's picture holds: a dictionary to its readers, on the wire and in JSON.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PictureMapTests(ClusterFixture fixture)
{
    private static readonly string[] Names = [PictureBands.Fill, PictureBands.Status, PictureBands.Health];

    private static PictureMap<string> Bin(string fill) => new(Names, [fill, "ok", "suspect"]);

    [Fact]
    public void It_reads_like_a_dictionary_in_its_names_order()
    {
        var bands = Bin("50-75");
        Assert.Equal(3, bands.Count);
        Assert.Equal("50-75", bands[PictureBands.Fill]);
        // A name equal to a constant but not the same string object is found too.
        Assert.True(bands.TryGetValue(new string(PictureBands.Health.AsSpan()), out var health));
        Assert.Equal("suspect", health);
        Assert.False(bands.ContainsKey(PictureBands.Power));
        Assert.Throws<KeyNotFoundException>(() => bands[PictureBands.Power]);
        Assert.Equal(Names, bands.Keys);
        Assert.Equal([new KeyValuePair<string, string>(PictureBands.Fill, "50-75"), new(PictureBands.Status, "ok"), new(PictureBands.Health, "suspect")], bands);
        Assert.Throws<ArgumentException>(() => new PictureMap<string>(Names, ["50-75"]));
    }

    [Fact]
    public void Pictures_compare_by_their_bands_whatever_holds_them()
    {
        var compact = new AssetPicture(Bin("50-75"), AssetPicture.NoMeasures);
        var plain = new AssetPicture(new Dictionary<string, string> { [PictureBands.Health] = "suspect", [PictureBands.Fill] = "50-75", [PictureBands.Status] = "ok" }, AssetPicture.NoMeasures);
        Assert.True(compact.SameBands(plain));
        Assert.True(plain.SameBands(compact));
        Assert.False(compact.SameBands(new AssetPicture(Bin("75-100"), AssetPicture.NoMeasures)));
        Assert.Equal("50-75", compact.Band(PictureBands.Fill));
    }

    [Fact]
    public void It_crosses_silos_and_writes_json_as_an_object()
    {
        var picture = new AssetPicture(Bin("25-50"), new PictureMap<double>([PictureMeasures.Watts], [42.5]), "seg-1");
        var serializer = fixture.SiloServices.GetRequiredService<Serializer>();
        var copy = serializer.Deserialize<AssetPicture>(serializer.SerializeToArray(picture))!;
        Assert.True(copy.SameBands(picture));
        Assert.Equal(42.5, copy.Measure(PictureMeasures.Watts));
        Assert.Equal("seg-1", copy.RoadSegmentId);

        var json = JsonSerializer.Serialize<IReadOnlyDictionary<string, string>>(picture.Bands);
        Assert.Equal("""{"fill":"25-50","status":"ok","health":"suspect"}""", json);
    }
}
