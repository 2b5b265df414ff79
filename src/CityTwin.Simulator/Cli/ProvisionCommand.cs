using System.Net;
using CityTwin.Simulator.City;
using CityTwin.Simulator.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace CityTwin.Simulator.Cli;

/// <summary>
/// <c>provision --credentials FILE [--gateway HOST:PORT]</c>: puts the city into a running host as an Orleans
/// client of its gateway (districts, gateways, inventory, a credential per device) and writes the secrets
/// to FILE for <c>run</c>. Running it again rotates every secret.
/// </summary>
public static class ProvisionCommand
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(30);

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var arguments = new Arguments(args, [.. Arguments.CityOptionNames, "--credentials", "--gateway", "--service-id", "--cluster-id"], []);
        var city = CityGenerator.Generate(arguments.City());
        var credentialsPath = arguments.Required("--credentials");
        var (host, port) = arguments.Endpoint("--gateway", "127.0.0.1:30000", 30000);
        var addresses = IPAddress.TryParse(host, out var address) ? [address] : await Dns.GetHostAddressesAsync(host);
        output.WriteLine(GenerateCommand.Describe(city));

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(new IPEndPoint(addresses[0], port));
            client.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (arguments.Text("--service-id") ?? "citytwin", arguments.Text("--cluster-id") ?? "citytwin"));
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = CallTimeout);
            var giveUpAt = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                if (DateTime.UtcNow >= giveUpAt)
                    return false;
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            });
        });
        using var app = builder.Build();
        try
        {
            await app.StartAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new UsageException("--gateway", $"no CityTwin host answers at {host}:{port}; is it running? ({e.GetBaseException().Message})");
        }
        try
        {
            var credentials = await CityProvisioner.ProvisionAsync(app.Services.GetRequiredService<IClusterClient>(), city, output.WriteLine);
            await credentials.WriteAsync(credentialsPath);
            output.WriteLine($"Wrote {credentials.Secrets.Count} credentials to {credentialsPath} (readable by you only).");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            output.WriteLine($"The host refused the city: {e.Message}");
            return Program.Refused;
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
