using System.Text.Json;
using CityTwin.Contracts.Assets;
using CityTwin.Contracts.Bins;
using CityTwin.Contracts.Districts;

namespace CityTwin.Grains.Tests.Districts;

[Collection(DistrictCollection.Name)]
public class DistrictAlertTests(DistrictFixture fixture)
{
    private IDistrictGrain District(string id) => fixture.Client.GetGrain<IDistrictGrain>(id);

    private async Task<IBinGrain> BinAsync(string district, string id)
    {
        var bin = fixture.Client.GetGrain<IBinGrain>(id);
        var result = await bin.Provision(new AssetProvision(id, AssetKind.Bin, district, new GeoPoint(52.3701, 4.8901), $"s-{id}", new BinSpec(1100, 0.8, 120, 300)));
        Assert.True(result.Accepted, string.Join("; ", result.Errors));
        return bin;
    }

    private List<JsonElement> ReceivedFor(string assetId) =>
        [.. fixture.Received.Where(r => r.GetProperty("alert").GetProperty("assetId").GetString() == assetId)];

    [Fact]
    public async Task A_maintenance_window_silences_its_alerts_and_only_those_and_webhooks_hear_the_rest_once()
    {
        var district = await fixture.NewDistrictAsync();
        var quiet = $"b-{Guid.NewGuid():N}"[..12];
        var loud = $"b-{Guid.NewGuid():N}"[..12];
        var now = fixture.Time.GetUtcNow();
        await BinAsync(district, quiet);
        await BinAsync(district, loud);
        Assert.True((await District(district).SetMaintenance(new("w1", quiet, now, now.AddHours(2), "ops", "new sensor"))).Accepted);
        fixture.FailNext = 1; // the first POST fails: the delivery is retried

        await fixture.Client.GetGrain<IBinGrain>(quiet).Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.9));
        await fixture.Client.GetGrain<IBinGrain>(loud).Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.9));
        await Eventually.HoldsAsync(() => Task.FromResult(ReceivedFor(loud).Count == 1));
        // A repeat of the raise is folded into the alert, not delivered again.
        await fixture.Client.GetGrain<IBinGrain>(loud).Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.95));

        var alerts = await District(district).ListAlerts(includeCleared: false);
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.Equal("binFull", a.Type));
        Assert.Null(alerts.Single(a => a.AssetId == quiet).NotifiedAt);
        Assert.NotNull(alerts.Single(a => a.AssetId == loud).NotifiedAt);
        var delivered = Assert.Single(ReceivedFor(loud));
        Assert.Equal((district, "raised", "warning"), (
            delivered.GetProperty("districtId").GetString(),
            delivered.GetProperty("notice").GetString(),
            delivered.GetProperty("alert").GetProperty("severity").GetString()));
        Assert.Empty(ReceivedFor(quiet));

        // Ending the window early delivers what it held back and is still active.
        Assert.True((await District(district).EndMaintenance("w1")).Accepted);
        await Eventually.HoldsAsync(() => Task.FromResult(ReceivedFor(quiet).Count == 1));
        Assert.Single(ReceivedFor(loud));
    }

    [Fact]
    public async Task A_citizen_report_is_a_delivered_alert_on_the_asset_and_a_repeat_counts_on_it()
    {
        var district = await fixture.NewDistrictAsync();
        var bin = $"b-{Guid.NewGuid():N}"[..12];
        await BinAsync(district, bin);

        var first = await District(district).RaiseCitizenReport(bin, "overflowingBin", " bags beside it ");
        var second = await District(district).RaiseCitizenReport(bin, "overflowingBin", null);

        Assert.Equal(first, second);
        var alert = Assert.Single(await District(district).ListAlerts(false), a => a.AssetId == bin);
        Assert.Equal((first, "citizenReport", 2, "overflowingBin"), (alert.Id, alert.Type, alert.Occurrences, alert.Detail));
        await Eventually.HoldsAsync(() => Task.FromResult(ReceivedFor(bin).Count == 1));
        Assert.Equal("citizenReport", ReceivedFor(bin)[0].GetProperty("alert").GetProperty("type").GetString());
        Assert.Equal("overflowingBin: bags beside it", ReceivedFor(bin)[0].GetProperty("alert").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Acknowledging_stops_escalation_and_resolving_tells_the_receivers()
    {
        var district = await fixture.NewDistrictAsync();
        var acknowledged = $"b-{Guid.NewGuid():N}"[..12];
        var ignored = $"b-{Guid.NewGuid():N}"[..12];
        await BinAsync(district, acknowledged);
        await BinAsync(district, ignored);
        await fixture.Client.GetGrain<IBinGrain>(acknowledged).Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.9));
        await fixture.Client.GetGrain<IBinGrain>(ignored).Report(fixture.Stamp(), new BinTelemetry(FillingLevel: 0.9));
        await Eventually.HoldsAsync(async () => (await District(district).ListAlerts(false)).Count == 2);
        var alerts = await District(district).ListAlerts(false);
        var ackId = alerts.Single(a => a.AssetId == acknowledged).Id;

        Assert.False((await District(district).AcknowledgeAlert(ackId, "")).Accepted);
        Assert.True((await District(district).AcknowledgeAlert(ackId, "ops")).Accepted);
        fixture.Time.Advance(TimeSpan.FromMinutes(31));
        await District(district).TickAlerts();

        await Eventually.HoldsAsync(() => Task.FromResult(ReceivedFor(ignored).Count == 2));
        var escalated = ReceivedFor(ignored)[1];
        Assert.Equal(("escalated", "major"), (escalated.GetProperty("notice").GetString(), escalated.GetProperty("alert").GetProperty("severity").GetString()));
        Assert.Single(ReceivedFor(acknowledged));

        var ignoredId = alerts.Single(a => a.AssetId == ignored).Id;
        Assert.True((await District(district).ResolveAlert(ignoredId, "ops", "emptied by hand")).Accepted);
        await Eventually.HoldsAsync(() => Task.FromResult(ReceivedFor(ignored).Count == 3));
        Assert.Equal("cleared", ReceivedFor(ignored)[2].GetProperty("notice").GetString());
        Assert.DoesNotContain(await District(district).ListAlerts(false), a => a.AssetId == ignored);
    }
}
