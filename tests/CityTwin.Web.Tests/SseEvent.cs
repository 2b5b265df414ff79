using System.Text.Json;

namespace CityTwin.Web.Tests;

/// <summary>One Server-Sent Event as the stream sent it; <see cref="Type"/> "heartbeat" for a comment line.</summary>
public sealed record SseEvent(string? Id, string Type, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;

    public long NumericId => long.Parse(Id!, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Reads a text/event-stream response as the SSE specification frames it (fields, blank line ends an event).</summary>
public sealed class SseReader(HttpResponseMessage response) : IAsyncDisposable
{
    private StreamReader? reader;

    public HttpResponseMessage Response => response;

    /// <summary>The next event or heartbeat comment; fails after <paramref name="timeout"/>.</summary>
    public async Task<SseEvent> NextAsync(TimeSpan? timeout = null)
    {
        reader ??= new StreamReader(await response.Content.ReadAsStreamAsync());
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        string? id = null, type = null;
        var data = new List<string>();
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellation.Token)
                ?? throw new EndOfStreamException("the event stream ended");
            if (line.Length == 0)
            {
                if (type is null && data.Count == 0 && id is null)
                    continue;
                return new SseEvent(id, type ?? "message", string.Join('\n', data));
            }
            if (line.StartsWith(':'))
            {
                if (line.StartsWith(": heartbeat", StringComparison.Ordinal))
                    return new SseEvent(null, "heartbeat", line);
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data.Add(value); break;
            }
        }
    }

    /// <summary>The next event that is not a heartbeat.</summary>
    public async Task<SseEvent> NextEventAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var next = await NextAsync(timeout);
            if (next.Type != "heartbeat")
                return next;
        }
    }

    /// <summary>Skips events until one satisfies <paramref name="match"/>.</summary>
    public async Task<SseEvent> NextMatchingAsync(Func<SseEvent, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException("no matching event arrived");
            var next = await NextEventAsync(left);
            if (match(next))
                return next;
        }
    }

    public ValueTask DisposeAsync()
    {
        reader?.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
