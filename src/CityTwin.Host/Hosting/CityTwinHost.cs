using CityTwin.Api;
using CityTwin.Api.Security;
using CityTwin.Host.Configuration;
using CityTwin.Host.Devices;
using CityTwin.Ingestion;
using CityTwin.Host.Persistence;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityTwin.Host.Hosting;

/// <summary>Builds the CityTwin process: the Orleans silo, the HTTP endpoint, telemetry and health.</summary>
public static class CityTwinHost
{
    /// <param name="customize">Runs before the settings are read: tests add configuration or services here.</param>
    /// <exception cref="ConfigurationException">A setting, the database or a port cannot be used.</exception>
    public static async Task<WebApplication> CreateAsync(
        string[] args, Action<WebApplicationBuilder>? customize = null, CancellationToken cancellationToken = default)
    {
        // appsettings.json is read from beside the executable, whatever the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        customize?.Invoke(builder);

        var settings = SettingsReader.Read(builder.Configuration, Environment.CurrentDirectory);
        var storage = new StorageEndpoint(settings.Storage);
        await Preflight.CheckAsync(settings, storage, cancellationToken);
        if (settings.Storage.ApplySchemaOnStart)
            await ApplySchemaAsync(storage, cancellationToken);

        builder.WebHost.UseUrls(settings.Http.Url.ToString());
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(storage);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(CredentialKeyLoader.Load(settings.Devices));
        builder.UseOrleans(silo => silo.UseCityTwin(settings, storage, TelemetrySetup.ExportsTraces(builder.Configuration)));
        // After the silo: the broker starts once grains answer and stops before the silo does.
        builder.Services.AddCityTwinIngestion(settings.Mqtt);
        builder.AddCityTwinTelemetry();
        builder.Services.AddCityTwinHealthChecks();
        AddApi(builder);

        var app = builder.Build();
        app.MapCityTwinHealth();
        app.MapCityTwinMetrics();
        app.MapCityTwinApi();
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
            "CityTwin is running: HTTP {Url}, MQTT {MqttMode} on {MqttEndpoint}, storage {Storage}, clustering {Clustering} (silo port {SiloPort}, gateway port {GatewayPort})",
            settings.Http.Url, settings.Mqtt.Mode,
            settings.Mqtt.Mode == Ingestion.Broker.BrokerMode.External ? settings.Mqtt.External.Endpoint : $"{settings.Mqtt.BindAddress}:{settings.Mqtt.Port}", storage.Description, settings.Clustering.Provider, settings.Clustering.SiloPort, settings.Clustering.GatewayPort));
        return app;
    }

    private static void AddApi(WebApplicationBuilder builder)
    {
        try
        {
            builder.Services.AddCityTwinApi(builder.Configuration);
        }
        catch (ApiSettingsException e)
        {
            throw new ConfigurationException(e.Setting, e.Problem, e);
        }
    }

    private static async Task ApplySchemaAsync(StorageEndpoint storage, CancellationToken cancellationToken)
    {
        try
        {
            await storage.ApplySchemaAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var setting = storage.Sqlite is not null ? "Storage:DataDirectory" : "Storage:ConnectionString";
            throw new ConfigurationException(setting, $"cannot bring {storage.Description} to the current schema: {e.Message}", e);
        }
    }
}
