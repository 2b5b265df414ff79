using System.Net;
using CityTwin.Testing;

namespace CityTwin.Web.Tests;

/// <summary>The published host started from an empty working directory serves the page and its files, anonymously.</summary>
public sealed class PublishedPageTests
{
    [Fact]
    public async Task The_published_host_serves_the_live_page_from_any_working_directory()
    {
        using var workingDirectory = new TempDirectory();
        var port = FreePort.Next();
        await using var host = HostProcess.Start(workingDirectory.Path,
            [$"--Clustering:SiloPort={FreePort.Next()}", $"--Clustering:GatewayPort={FreePort.Next()}"], httpPort: port);
        await host.WaitUntilReadyAsync();

        using var http = new HttpClient { BaseAddress = host.HttpUrl };
        var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/live/live.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var (file, type) in new[] { ("live.js", "text/javascript"), ("live.css", "text/css") })
        {
            var response = await http.GetAsync($"/live/{file}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        }
        var missing = await http.GetAsync("/live/secrets.json");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }
}
