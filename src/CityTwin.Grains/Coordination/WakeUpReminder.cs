using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace CityTwin.Grains.Coordination;

/// <summary>How often a district's grains are woken by their reminder; bound from the <c>WakeUp</c> configuration section.</summary>
public sealed class WakeUpOptions
{
    /// <summary>Orleans refuses reminder periods under its minimum (1 minute unless a test lowers it).</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// A durable reminder that brings a district's grain back after a silo restart or the loss of the silo it
/// lived on, so its timers (planning ahead, escalations, the sun) run again without waiting for a twin to call.
/// The grain's activation does the work; the reminder only has to exist. Registered once (a reminder row in
/// the reminder table the host configures), checked at each activation.
/// </summary>
public static class WakeUpReminder
{
    public const string Name = "wake-up";

    /// <summary>Registers the reminder unless it exists; a failure is logged and tried again at the next activation.</summary>
    public static async Task EnsureAsync(Grain grain, WakeUpOptions options, ILogger logger)
    {
        try
        {
            if (await grain.GetReminder(Name) is null)
                await grain.RegisterOrUpdateReminder(Name, options.Period, options.Period);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Registering the wake-up reminder of {Grain} failed; a restart will not wake it until a twin calls", grain.GetGrainId());
        }
    }

    public static async Task StopAsync(Grain grain)
    {
        if (await grain.GetReminder(Name) is { } reminder)
            await grain.UnregisterReminder(reminder);
    }
}
