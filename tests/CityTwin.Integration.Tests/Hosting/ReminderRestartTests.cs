using System.Collections.Concurrent;
using CityTwin.Host.Hosting;
using CityTwin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Integration.Tests.Hosting;

/// <summary>
/// Reminders of the embedded default live in the SQLite file (ADO.NET reminders with our scripts), so
/// a schedule registered before a restart fires after it. The silo is built by the host's own code.
/// </summary>
public sealed class ReminderRestartTests
{
    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_after_it()
    {
        using var workingDirectory = new TempDirectory();
        var ports = HostPorts.Free();
        string[] arguments = [.. ports.Arguments, $"--Storage:DataDirectory={workingDirectory.Combine("data")}"];
        var probeKey = $"probe-{Guid.NewGuid():N}";

        await using (var first = await CityTwinHost.CreateAsync(arguments))
        {
            await first.StartAsync();
            var probe = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IReminderProbeGrain>(probeKey);
            await probe.Arm(dueIn: TimeSpan.FromSeconds(4));
            // Stopped before the reminder is due: only the stored row can make it fire later.
            await first.StopAsync();
        }
        Assert.DoesNotContain(probeKey, ReminderProbeGrain.Fired.Keys);

        await using var second = await CityTwinHost.CreateAsync(arguments);
        await second.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!ReminderProbeGrain.Fired.ContainsKey(probeKey) && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        Assert.True(ReminderProbeGrain.Fired.ContainsKey(probeKey), "the reminder did not fire after the restart");
        await second.StopAsync();
    }
}

[Alias("citytwin.tests.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    [Alias("Arm")]
    Task Arm(TimeSpan dueIn);
}

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    /// <summary>Keys of the probes whose reminder fired, in this test process.</summary>
    public static readonly ConcurrentDictionary<string, DateTimeOffset> Fired = new();

    public async Task Arm(TimeSpan dueIn) =>
        await this.RegisterOrUpdateReminder("probe", dueIn, TimeSpan.FromMinutes(1));

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Fired.TryAdd(this.GetPrimaryKeyString(), DateTimeOffset.UtcNow);
        return Task.CompletedTask;
    }
}
