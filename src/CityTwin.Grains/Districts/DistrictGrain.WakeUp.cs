using CityTwin.Grains.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityTwin.Grains.Districts;

/// <summary>
/// The district's wake-up reminder: after a restart, or when the silo it lived on is gone, the reminder brings
/// it back so its timers (staleness sweep, escalations, the sun) run and it asks its roster to re-enrol, even
/// in a district the startup task (<see cref="DistrictWakeUp"/>) does not know of.
/// </summary>
public sealed partial class DistrictGrain : IRemindable
{
    /// <summary>Called once per activation, after it, so waking every district at silo start stays quick.</summary>
    private void KeepWaking() =>
        this.RegisterGrainTimer(
            _ => WakeUpReminder.EnsureAsync(this, ServiceProvider.GetRequiredService<IOptions<WakeUpOptions>>().Value, logger),
            new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));

    /// <summary>Activation is the work; a reminder tick on a live district changes nothing.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
