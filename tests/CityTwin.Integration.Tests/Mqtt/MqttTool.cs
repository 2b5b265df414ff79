using System.Diagnostics;

namespace CityTwin.Integration.Tests.Mqtt;

/// <summary>Debian's mosquitto_pub / mosquitto_sub run as a device would run them.</summary>
public static class MqttTool
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string All => Output + Error;
    }

    public static async Task<Result> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan? timeout = null, string? standardInput = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Arguments of one device connection: host, port, protocol version, credentials and client id.</summary>
    public static List<string> Connection(int port, string version, string? user, string? password, string? clientId)
    {
        var args = new List<string> { "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-V", version };
        if (user is not null) args.AddRange(["-u", user]);
        if (password is not null) args.AddRange(["-P", password]);
        if (clientId is not null) args.AddRange(["-i", clientId]);
        return args;
    }

    public static Task<Result> PublishAsync(int port, string version, string? user, string? password, string? clientId, string topic, string message, int qos = 1, params string[] extra) =>
        RunAsync("mosquitto_pub", [.. Connection(port, version, user, password, clientId), "-q", qos.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", topic, "-m", message, .. extra]);
}
