using System.Globalization;

namespace CityTwin.Testing.Mqtt;

/// <summary>
/// Debian's mosquitto_pub and mosquitto_sub as devices: each call runs the tool to its end (or kills it
/// at the timeout) and returns its exit code and output.
/// </summary>
public static class MosquittoClients
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>One message (read from stdin, so any size). Retained when <paramref name="retain"/>.</summary>
    public static Task<ToolResult> PublishAsync(MosquittoClientOptions options, string topic, string payload, bool retain = false, TimeSpan? timeout = null) =>
        ToolRunner.RunAsync("mosquitto_pub",
            [.. options.Arguments(), "-t", topic, "-s", .. retain ? new[] { "-r" } : []],
            timeout ?? DefaultTimeout, payload);

    /// <summary>One message per line, over one connection (mosquitto_pub -l).</summary>
    public static Task<ToolResult> PublishLinesAsync(MosquittoClientOptions options, string topic, IEnumerable<string> lines, TimeSpan? timeout = null) =>
        ToolRunner.RunAsync("mosquitto_pub", [.. options.Arguments(), "-t", topic, "-l"],
            timeout ?? DefaultTimeout, string.Join('\n', lines) + "\n");

    /// <summary>
    /// Subscribes and returns after <paramref name="count"/> messages or <paramref name="wait"/> without
    /// one (-C, -W). Each message is printed as "topic payload" (-v).
    /// </summary>
    public static Task<ToolResult> SubscribeAsync(MosquittoClientOptions options, string topic, int count, TimeSpan wait) =>
        ToolRunner.RunAsync("mosquitto_sub",
            [.. options.Arguments(), "-t", topic, "-v", "-C", count.ToString(CultureInfo.InvariantCulture),
             "-W", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture)],
            wait + DefaultTimeout);

    /// <summary>A subscriber that keeps running until it is disconnected for good or disposed.</summary>
    public static Task<RunningSubscriber> StartSubscriberAsync(MosquittoClientOptions options, string topic) =>
        RunningSubscriber.StartAsync(options, topic);
}
