using CityTwin.Domain.City;

namespace CityTwin.Domain.Tests.City;

public class DistrictRulesTests
{
    [Fact]
    public void A_complete_district_breaks_no_rule() =>
        Assert.Empty(DistrictRules.Validate("centrum", "Centrum", "Europe/Amsterdam", 52.37, 4.89));

    [Theory]
    [InlineData("", "id")]
    [InlineData("Centrum", "id")]
    [InlineData("a/b", "id")]
    [InlineData("city+1", "id")]
    [InlineData("-lead", "id")]
    public void Ids_that_would_break_topics_or_urls_are_refused(string id, string field)
    {
        var violation = Assert.Single(DistrictRules.Validate(id, "Name", "UTC", 0, 0));
        Assert.Equal(field, violation.Field);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("")]
    public void Time_zones_must_be_known_iana_ids(string zone)
    {
        var violation = Assert.Single(DistrictRules.Validate("north", "North", zone, 0, 0));
        Assert.Equal("timeZone", violation.Field);
    }

    [Theory]
    [InlineData(90.5, 0, "centreLatitude")]
    [InlineData(-91, 0, "centreLatitude")]
    [InlineData(0, 180.01, "centreLongitude")]
    [InlineData(double.NaN, 0, "centreLatitude")]
    public void Coordinates_must_be_on_earth(double latitude, double longitude, string field)
    {
        var violation = Assert.Single(DistrictRules.Validate("north", "North", "UTC", latitude, longitude));
        Assert.Equal(field, violation.Field);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var violations = DistrictRules.Validate(null, null, null, 100, 200);
        Assert.Equal(["id", "name", "timeZone", "centreLatitude", "centreLongitude"], violations.Select(v => v.Field));
    }
}
