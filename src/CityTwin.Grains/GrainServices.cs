using CityTwin.Contracts.Common;
using CityTwin.Grains.Coordination;
using CityTwin.Grains.Devices;
using CityTwin.Grains.Districts;
using CityTwin.Grains.Districts.Delivery;
using CityTwin.Grains.Districts.Alerts;
using CityTwin.Grains.Districts.Lighting;
using CityTwin.Grains.Queries;
using CityTwin.Grains.Time;
using CityTwin.Grains.Twins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityTwin.Grains;

public static class GrainServices
{
    /// <summary>
    /// What the grains need from the silo. The city's clock is the system clock unless one was
    /// registered before (a test's, or a demo's that runs faster than real time).
    /// </summary>
    public static ISiloBuilder AddCityTwinGrains(this ISiloBuilder silo, Action<TwinOptions>? configure = null)
    {
        var services = silo.Services;
        services.TryAddSingleton(_ => new CityClock(TimeProvider.System));
        var options = services.AddOptions<TwinOptions>().BindConfiguration("Twins");
        if (configure is not null)
            options.Configure(configure);
        services.TryAddSingleton<WriteBehindScheduler>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<WriteBehindScheduler>());
        // The host registers the configured key first; a test cluster gets a key for its lifetime.
        services.TryAddSingleton(_ => new CredentialKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        // The host's MQTT front-end replaces this; without one, commands wait for it in a bounded list.
        services.TryAddSingleton<IDeviceCommandSink, UndeliveredCommands>();
        // External mode replaces this with Mosquitto's dynamic security.
        services.TryAddSingleton<IBrokerAccounts, NoBrokerAccounts>();
        services.TryAddSingleton<GrainReferences>();
        services.TryAddSingleton<DistrictOutbox>();
        services.TryAddSingleton<TwinServices>();
        services.AddOptions<AlertOptions>().BindConfiguration("Alerts");
        services.AddOptions<LightingOptions>().BindConfiguration("Lighting");
        services.AddOptions<WakeUpOptions>().BindConfiguration("WakeUp");
        services.AddOptions<QueryOptions>().BindConfiguration("Queries");
        services.TryAddSingleton<AlertWebhooks>();
        silo.AddStartupTask<DistrictWakeUp>();
        return silo;
    }
}
