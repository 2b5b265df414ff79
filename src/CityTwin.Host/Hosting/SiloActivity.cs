namespace CityTwin.Host.Hosting;

/// <summary>Knows whether the local silo has reached the Active stage and not yet begun to stop.</summary>
public sealed class SiloActivity : ILifecycleParticipant<ISiloLifecycle>
{
    private volatile bool active;

    public bool IsActive => active;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            nameof(SiloActivity),
            ServiceLifecycleStage.Active,
            _ => { active = true; return Task.CompletedTask; },
            _ => { active = false; return Task.CompletedTask; });
}
