using CityTwin.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityTwin.Benchmarks.Hosting;

/// <summary>
/// A single Orleans silo in this process on free loopback ports, built the way the product builds one
/// (generic host + UseOrleans); the caller adds storage and anything else it measures.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost host;

    private InProcessSilo(IHost host) => this.host = host;

    public IGrainFactory GrainFactory => host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<InProcessSilo> StartAsync(Action<ISiloBuilder> configure, CancellationToken cancellationToken)
    {
        // Qualified: inside namespace CityTwin, "Host" is the CityTwin.Host namespace.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        // Orleans' information logs would bury the benchmark's own output; its warnings still show.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort.Next(), FreePort.Next());
            configure(silo);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new InProcessSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
