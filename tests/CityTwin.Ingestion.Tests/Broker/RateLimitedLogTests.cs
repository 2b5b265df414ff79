using CityTwin.Ingestion.Broker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CityTwin.Ingestion.Tests.Broker;

public sealed class RateLimitedLogTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_flood_of_refusals_of_one_reason_logs_one_line_per_interval_and_counts_the_rest()
    {
        var lines = new LogLines();
        var time = new FakeTimeProvider();
        var log = new RateLimitedLog(lines, time, Interval);

        for (var i = 0; i < 1000; i++)
            log.Refused("payload", "dev-1", "city/centrum/bin/b1/telemetry", $"refusal {i}");
        time.Advance(Interval);
        log.Refused("payload", "dev-1", "city/centrum/bin/b1/telemetry", "refusal 1000");

        Assert.Equal(2, lines.Count);
        Assert.Contains("refusal 0 (0 more", lines[0], StringComparison.Ordinal);
        Assert.Contains("refusal 1000 (999 more of this reason", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Each_reason_has_its_own_budget()
    {
        var lines = new LogLines();
        var log = new RateLimitedLog(lines, new FakeTimeProvider(), Interval);

        foreach (var reason in new[] { "payload", "payload", "acl", "topic", "acl" })
            log.Refused(reason, "dev-1", "t", "d");

        Assert.Equal(3, lines.Count);
    }

    /// <summary>The formatted lines a logger was given.</summary>
    private sealed class LogLines : List<string>, ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Add(formatter(state, exception));
    }
}
