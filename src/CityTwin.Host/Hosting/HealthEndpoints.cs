using CityTwin.Host.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CityTwin.Host.Hosting;

/// <summary>
/// Kubernetes-style probes, all anonymous: live (the process answers), ready (the silo is active and
/// storage answers a query), startup (start-up has finished).
/// </summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";
    private const string StartupTag = "startup";

    public static IServiceCollection AddCityTwinHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<SiloActiveCheck>("silo", tags: [ReadyTag])
            .AddCheck<StorageAnswersCheck>("storage", tags: [ReadyTag])
            .AddCheck<StartedCheck>("startup", tags: [StartupTag]);
        return services;
    }

    public static WebApplication MapCityTwinHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = r => r.Tags.Contains(ReadyTag) }).AllowAnonymous();
        app.MapHealthChecks("/health/startup", new() { Predicate = r => r.Tags.Contains(StartupTag) }).AllowAnonymous();
        return app;
    }

    private sealed class SiloActiveCheck(SiloActivity silo) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(silo.IsActive ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the silo is not active"));
    }

    private sealed class StorageAnswersCheck(StorageEndpoint storage) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            try
            {
                await storage.PingAsync(timeout.Token);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy($"{storage.Description} does not answer: {e.Message}");
            }
        }
    }

    private sealed class StartedCheck(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("still starting"));
    }
}
