using CityTwin.Grains.Devices;
using CityTwin.Ingestion.Broker;
using CityTwin.Ingestion.Commands;
using CityTwin.Ingestion.Dispatch;
using CityTwin.Ingestion.External;
using CityTwin.Ingestion.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CityTwin.Ingestion;

public static class IngestionServices
{
    /// <summary>
    /// The MQTT front-end of a host, per <see cref="BrokerOptions.Mode"/>. Register after the silo, so it
    /// starts once grains can be called and stops before the silo does.
    /// </summary>
    public static IServiceCollection AddCityTwinIngestion(this IServiceCollection services, BrokerOptions settings)
    {
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(settings));
        if (settings.Mode == BrokerMode.Off)
            return services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DeviceDirectory>();
        services.AddSingleton<ReadingDispatcher>();
        services.AddSingleton(sp => new RateLimitedLog(
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("CityTwin.Ingestion.Refusals"), sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(10)));
        services.AddSingleton<TelemetryHandler>();
        services.AddHostedService<BrokerRegistration>();
        if (settings.Mode == BrokerMode.Embedded)
        {
            services.AddSingleton<EmbeddedBroker>();
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
            services.AddSingleton<IDeviceCommandSink>(sp =>
            {
                var broker = sp.GetRequiredService<EmbeddedBroker>();
                return new MqttCommandSink(sp.GetRequiredService<IGrainFactory>(), (topic, payload) => broker.InjectAsync(topic, payload));
            });
        }
        else
        {
            // Mosquitto authenticates devices and holds them to their topics; the host keeps their accounts there.
            services.AddSingleton<DynamicSecurityAdmin>();
            services.AddSingleton<IBrokerAccounts, MosquittoAccounts>();
            services.AddSingleton<ExternalIngestionClient>();
            services.AddHostedService(sp => sp.GetRequiredService<ExternalIngestionClient>());
            services.AddSingleton<IDeviceCommandSink>(sp =>
            {
                var client = sp.GetRequiredService<ExternalIngestionClient>();
                return new MqttCommandSink(sp.GetRequiredService<IGrainFactory>(), client.PublishAsync);
            });
        }
        return services;
    }
}
