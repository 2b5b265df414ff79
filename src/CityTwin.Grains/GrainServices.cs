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
    public static IServiceCollection AddCityTwinGrains(this IServiceCollection services, Action<TwinOptions>? configure = null)
    {
        services.TryAddSingleton(_ => new CityClock(TimeProvider.System));
        var options = services.AddOptions<TwinOptions>().BindConfiguration("Twins");
        if (configure is not null)
            options.Configure(configure);
        services.TryAddSingleton<WriteBehindThrottle>();
        services.TryAddSingleton<TwinServices>();
        return services;
    }
}
