using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityTwin.Contracts.Districts;
using CityTwin.Contracts.Live;

namespace CityTwin.Web.Tests;

/// <summary>The district event stream over real HTTP: snapshot, live events, resume, heartbeats, refusals.</summary>
[Collection(LiveHostCollection.Name)]
public sealed class LiveEventsTests(LiveHostFixture host)
{
    private static string Fill(JsonElement bands) => bands.GetProperty("fill").GetString()!;

    private async Task ReportAndWaitForDistrictAsync(string bin, double fill, double bandFrom, double bandTo)
    {
        await host.ReportFillAsync(bin, fill);
        var district = host.Grains.GetGrain<IDistrictGrain>(LiveHostFixture.District);
        var band = new CityTwin.Contracts.Queries.AssetQuery(FillAbove: bandFrom, FillBelow: bandTo - 0.001);
        Assert.True(
            await Eventually.TrueAsync(async () => (await district.FindCandidates(band, null, 50)).Candidates.Any(c => c.AssetId == bin), TimeSpan.FromSeconds(30)),
            $"the district did not see {bin} at {fill} within 30 s");
    }

    [Fact]
    public async Task A_new_reader_gets_a_snapshot_of_the_district_then_the_twin_changes_after_it()
    {
        using var client = host.Client();
        await host.ReportFillAsync("bin-2", 0.1);
        await using var events = await host.OpenEventsAsync(client);
        Assert.Equal(HttpStatusCode.OK, events.Response.StatusCode);
        Assert.Equal("text/event-stream", events.Response.Content.Headers.ContentType?.MediaType);

        var snapshot = await events.NextEventAsync();
        Assert.Equal("snapshot", snapshot.Type);
        var assets = snapshot.Json.GetProperty("assets").EnumerateArray().ToDictionary(a => a.GetProperty("assetId").GetString()!);
        Assert.Equal("0-25", Fill(assets["bin-2"].GetProperty("bands")));
        Assert.Equal("streetlight", assets["light-1"].GetProperty("kind").GetString());
        Assert.Contains(snapshot.Json.GetProperty("trucks").EnumerateArray(), t => t.GetProperty("id").GetString() == LiveHostFixture.Truck);

        await host.ReportFillAsync("bin-2", 0.6);
        var change = await events.NextMatchingAsync(e => e.Type == "twin" && e.Json.GetProperty("twin").GetProperty("assetId").GetString() == "bin-2");
        Assert.Equal("50-75", Fill(change.Json.GetProperty("twin").GetProperty("bands")));
        Assert.True(change.NumericId > snapshot.NumericId, $"event id {change.Id} is not after the snapshot's {snapshot.Id}");
    }

    [Fact]
    public async Task A_reader_resuming_from_its_last_event_id_gets_exactly_the_events_it_missed_in_order()
    {
        using var client = host.Client();
        string lastSeen;
        await using (var first = await host.OpenEventsAsync(client))
        {
            await first.NextEventAsync();
            await host.ReportFillAsync("bin-3", 0.3);
            lastSeen = (await first.NextMatchingAsync(e => e.Type == "twin")).Id!;
        }

        // Each change reaches the district before the next: while a batch is on its way, a silo's outbox keeps
        // only an asset's latest picture, and this test counts every change.
        await ReportAndWaitForDistrictAsync("bin-3", 0.55, 0.5, 0.75);
        await ReportAndWaitForDistrictAsync("bin-4", 0.3, 0.25, 0.5);
        await ReportAndWaitForDistrictAsync("bin-3", 0.1, 0, 0.25);

        await using var resumed = await host.OpenEventsAsync(client, lastSeen);
        // Other events of the district may fall in between (the truck turning stale on a slow machine):
        // every event after the last one seen comes, numbered on without a gap, the three changes among them.
        static bool BinChange(SseEvent e) => e.Type == "twin" && e.Json.GetProperty("twin").GetProperty("assetId").GetString()!.StartsWith("bin-", StringComparison.Ordinal);
        var missed = new List<SseEvent>();
        while (missed.Count(BinChange) < 3)
            missed.Add(await resumed.NextEventAsync());
        Assert.DoesNotContain(missed, e => e.Type == "snapshot");
        var changes = missed.Where(BinChange).ToList();
        Assert.Equal(["bin-3", "bin-4", "bin-3"], changes.Select(e => e.Json.GetProperty("twin").GetProperty("assetId").GetString()));
        Assert.Equal(["50-75", "25-50", "0-25"], changes.Select(e => Fill(e.Json.GetProperty("twin").GetProperty("bands"))));
        var firstMissed = long.Parse(lastSeen, System.Globalization.CultureInfo.InvariantCulture) + 1;
        Assert.Equal(Enumerable.Range(0, missed.Count).Select(i => firstMissed + i), missed.Select(e => e.NumericId));
    }

    [Fact]
    public async Task A_reader_further_behind_than_the_buffer_gets_a_snapshot_first_then_live_events()
    {
        using var client = host.Client();
        string lastSeen;
        await using (var first = await host.OpenEventsAsync(client))
            lastSeen = (await first.NextEventAsync()).Id!;

        // More changes than the district keeps (plan changes are the cheapest to cause).
        var feed = host.Grains.GetGrain<IDistrictFeed>(LiveHostFixture.District);
        for (var i = 0; i < 1100; i++)
            await feed.PublishPlanChange(new LivePlanChange("collection", $"plan-{i}", "test"));
        await host.ReportFillAsync("bin-5", 0.9);

        await using var behind = await host.OpenEventsAsync(client, lastSeen);
        var snapshot = await behind.NextEventAsync();
        Assert.Equal("snapshot", snapshot.Type);
        var bin5 = snapshot.Json.GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("assetId").GetString() == "bin-5");
        Assert.Equal("75-100", Fill(bin5.GetProperty("bands")));
        Assert.True(snapshot.NumericId >= long.Parse(lastSeen, System.Globalization.CultureInfo.InvariantCulture) + 1100);

        await host.ReportFillAsync("bin-5", 0.2);
        var live = await behind.NextMatchingAsync(e => e.Type == "twin" && e.Json.GetProperty("twin").GetProperty("assetId").GetString() == "bin-5");
        Assert.Equal("0-25", Fill(live.Json.GetProperty("twin").GetProperty("bands")));
        Assert.True(live.NumericId > snapshot.NumericId);
    }

    [Fact]
    public async Task Alerts_raised_acknowledged_and_resolved_arrive_as_alert_events()
    {
        using var client = host.Client();
        await host.ReportFillAsync("bin-6", 0.1);
        await using var events = await host.OpenEventsAsync(client);
        await events.NextEventAsync();

        // The bin judges its threshold on the median of its last three readings: two over it raise the alert.
        await host.ReportFillAsync("bin-6", 0.95);
        await host.ReportFillAsync("bin-6", 0.95);
        var raised = await events.NextMatchingAsync(e => e.Type == "alert"
            && e.Json.GetProperty("alert").GetProperty("alert").GetProperty("assetId").GetString() == "bin-6");
        Assert.Equal("raised", raised.Json.GetProperty("alert").GetProperty("change").GetString());
        Assert.Equal("binFull", raised.Json.GetProperty("alert").GetProperty("alert").GetProperty("type").GetString());
        var alertId = raised.Json.GetProperty("alert").GetProperty("alert").GetProperty("id").GetInt64();

        var district = host.Grains.GetGrain<IDistrictGrain>(LiveHostFixture.District);
        Assert.True((await district.AcknowledgeAlert(alertId, "tester")).Accepted);
        var acknowledged = await events.NextMatchingAsync(e => IsChangeOf(e, alertId, "acknowledged"));
        Assert.Equal("tester", acknowledged.Json.GetProperty("alert").GetProperty("alert").GetProperty("acknowledgedBy").GetString());

        Assert.True((await district.ResolveAlert(alertId, "tester", "emptied by hand")).Accepted);
        var cleared = await events.NextMatchingAsync(e => IsChangeOf(e, alertId, "cleared"));
        Assert.Equal(JsonValueKind.String, cleared.Json.GetProperty("alert").GetProperty("alert").GetProperty("clearedAt").ValueKind);
    }

    private static bool IsChangeOf(SseEvent e, long alertId, string change) =>
        e.Type == "alert"
        && e.Json.GetProperty("alert").GetProperty("alert").GetProperty("id").GetInt64() == alertId
        && e.Json.GetProperty("alert").GetProperty("change").GetString() == change;

    [Fact]
    public async Task A_quiet_stream_sends_heartbeats()
    {
        using var client = host.Client();
        await using var events = await host.OpenEventsAsync(client, district: LiveHostFixture.QuietDistrict);
        Assert.Equal(HttpStatusCode.OK, events.Response.StatusCode);
        Assert.Equal("snapshot", (await events.NextEventAsync()).Type);
        Assert.Equal("heartbeat", (await events.NextAsync(TimeSpan.FromSeconds(10))).Type);
        Assert.Equal("heartbeat", (await events.NextAsync(TimeSpan.FromSeconds(10))).Type);
    }

    [Fact]
    public async Task The_page_cookie_opens_the_stream()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = host.BaseAddress };
        var signIn = await client.PostAsJsonAsync("/api/v1/session", new { apiKey = LiveHostFixture.AnalystKey });
        Assert.True(signIn.IsSuccessStatusCode, $"sign-in answered {signIn.StatusCode}");
        await using var events = await host.OpenEventsAsync(client);
        Assert.Equal(HttpStatusCode.OK, events.Response.StatusCode);
        Assert.Equal("snapshot", (await events.NextEventAsync()).Type);
    }

    [Fact]
    public async Task Without_credentials_the_stream_answers_401_problem_details()
    {
        using var client = host.Client(apiKey: null);
        await using var events = await host.OpenEventsAsync(client);
        Assert.Equal(HttpStatusCode.Unauthorized, events.Response.StatusCode);
        Assert.Equal("application/problem+json", events.Response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_last_event_id_that_is_not_a_number_is_refused_naming_the_header()
    {
        using var client = host.Client();
        await using var events = await host.OpenEventsAsync(client, "yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, events.Response.StatusCode);
        var problem = await events.Response.Content.ReadAsStringAsync();
        Assert.Contains("Last-Event-ID", problem, StringComparison.Ordinal);
        Assert.Contains("yesterday", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_district_is_refused_with_404_naming_it()
    {
        using var client = host.Client();
        await using var events = await host.OpenEventsAsync(client, district: "atlantis");
        Assert.Equal(HttpStatusCode.NotFound, events.Response.StatusCode);
        Assert.Contains("atlantis", await events.Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
