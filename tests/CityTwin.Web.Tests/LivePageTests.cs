using CityTwin.Contracts.Trucks;
using Microsoft.Playwright;

namespace CityTwin.Web.Tests;

/// <summary>
/// The live operations page in a real browser against the real host: sign in with a key, see the district
/// drawn, see a reading change a bin's colour, acknowledge an alert. Leaves a screenshot at
/// <see cref="ScreenshotPath"/> (TestResults/live-page.png under the test output).
/// </summary>
[Collection(LiveHostCollection.Name)]
public sealed class LivePageTests(LiveHostFixture host) : IAsyncLifetime
{
    public static string ScreenshotPath { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "live-page.png");

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync() => (playwright, browser) = await Browser.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
    }

    [Fact]
    public async Task An_operator_signs_in_sees_the_district_live_and_acknowledges_an_alert()
    {
        await host.ReportFillAsync("bin-1", 0.1);
        var page = await browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync(host.BaseAddress.ToString());
        await page.FillAsync("#api-key", LiveHostFixture.OperatorKey);
        await page.ClickAsync("#sign-in button[type=submit]");
        await page.WaitForSelectorAsync("#stream-state[data-state=open]");
        await Assertions.Expect(page.Locator("#sign-in")).ToBeHiddenAsync();

        // Every asset with a place is drawn: bins, lights, intersections and the truck's marker.
        var bin = page.Locator("[data-asset-id='bin-1']");
        await Assertions.Expect(bin).ToHaveAttributeAsync("data-fill", "0-25");
        Assert.Equal(LiveHostFixture.Bins.Length, await page.Locator("#assets [data-kind=bin]").CountAsync());
        Assert.Equal(LiveHostFixture.Lights.Length, await page.Locator("#assets [data-kind=streetlight]").CountAsync());
        Assert.Equal(LiveHostFixture.Intersections.Length, await page.Locator("#assets [data-kind=intersection]").CountAsync());
        Assert.True(await page.Locator("#roads path").GetAttributeAsync("d") is { Length: > 20 });
        var quietColour = await bin.GetAttributeAsync("fill");

        // Readings over the bin's threshold: its colour changes and (two readings, as the bin takes a median) an alert appears.
        await host.ReportFillAsync("bin-1", 0.95);
        await Assertions.Expect(bin).ToHaveAttributeAsync("data-fill", "75-100");
        Assert.NotEqual(quietColour, await bin.GetAttributeAsync("fill"));
        await host.ReportFillAsync("bin-1", 0.95);
        var alert = page.Locator("#alerts li", new() { HasText = "bin-1" });
        await Assertions.Expect(alert).ToHaveAttributeAsync("data-acknowledged", "false");

        await alert.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Assertions.Expect(alert).ToHaveAttributeAsync("data-acknowledged", "true");
        await Assertions.Expect(alert).ToContainTextAsync("acknowledged by");

        // The truck's readings move its marker; its status colours it.
        var truck = page.Locator($"#trucks [data-asset-id='{LiveHostFixture.Truck}']");
        await host.ReportTruckAsync(LiveHostFixture.At(1, 0), TruckServiceStatus.OnRoute);
        await Assertions.Expect(truck).ToHaveCountAsync(1);
        var firstPlace = await truck.GetAttributeAsync("d");
        await host.ReportTruckAsync(LiveHostFixture.At(2, 1), TruckServiceStatus.OnRoute);
        await Assertions.Expect(truck).Not.ToHaveAttributeAsync("d", firstPlace!);

        // A bin provisioned after the map was drawn appears with its first reading.
        await host.ProvisionLateBinAsync("bin-late");
        await host.ReportFillAsync("bin-late", 0.6);
        await Assertions.Expect(page.Locator("#assets [data-asset-id='bin-late']")).ToHaveAttributeAsync("data-fill", "50-75");

        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await page.ScreenshotAsync(new() { Path = ScreenshotPath, FullPage = true });
        Assert.True(new FileInfo(ScreenshotPath).Length > 0);
        Assert.Empty(problems);
    }
}
