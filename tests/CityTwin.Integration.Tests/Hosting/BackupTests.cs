using CityTwin.Contracts.City;
using CityTwin.Testing;

namespace CityTwin.Integration.Tests.Hosting;

/// <summary>The online backup of the embedded database, taken while the host writes, restores to a working host.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_under_writes_restores_to_a_database_the_host_starts_on()
    {
        using var live = new TempDirectory();
        var ports = HostPorts.Free();
        var backupFile = live.Combine("citytwin-backup.db");
        int acknowledgedBeforeBackup;
        int acknowledgedInAll;

        await using (var host = HostProcess.Start(live.Path, ports.Arguments, ports.Http))
        {
            await host.WaitUntilReadyAsync();
            await using var client = await CityClient.ConnectToGatewayAsync(ports.Gateway);
            var acknowledged = 0;
            using var stopWriting = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                while (!stopWriting.IsCancellationRequested)
                {
                    var result = await client.Directory.UpsertDistrict(DistrictSamples.Numbered(acknowledged + 1));
                    Assert.True(result.Accepted);
                    Interlocked.Increment(ref acknowledged);
                }
            });
            while (Volatile.Read(ref acknowledged) < 50) await Task.Delay(20);

            acknowledgedBeforeBackup = Volatile.Read(ref acknowledged);
            var (exitCode, output) = await HostProcess.RunToExitAsync(live.Path, ["backup", "--to", backupFile]);
            var acknowledgedAfterBackup = Volatile.Read(ref acknowledged);
            Assert.True(exitCode == 0, output);
            Assert.Contains("Backed up", output, StringComparison.Ordinal);
            Assert.True(acknowledgedAfterBackup > acknowledgedBeforeBackup, "the host went on writing while the backup ran");

            await Task.Delay(200);
            await stopWriting.CancelAsync();
            await writer;
            acknowledgedInAll = acknowledged;
        }

        using var restored = new TempDirectory();
        Directory.CreateDirectory(restored.Combine("data"));
        File.Copy(backupFile, restored.Combine("data", "citytwin.db"));
        var restoredPorts = HostPorts.Free();
        await using var restoredHost = HostProcess.Start(restored.Path, restoredPorts.Arguments, restoredPorts.Http);
        await restoredHost.WaitUntilReadyAsync();
        await using var reader = await CityClient.ConnectToGatewayAsync(restoredPorts.Gateway);
        IReadOnlyList<District> districts = await reader.Directory.ListDistricts();

        // A consistent snapshot: every district acknowledged before the backup began, then an
        // unbroken run of later ones, and nothing that was never acknowledged.
        Assert.InRange(districts.Count, acknowledgedBeforeBackup, acknowledgedInAll);
        Assert.Equal(Enumerable.Range(1, districts.Count).Select(DistrictSamples.Numbered), districts);
    }

    [Fact]
    public async Task A_backup_never_overwrites_an_existing_file()
    {
        using var directory = new TempDirectory();
        var existing = directory.Combine("taken.db");
        await File.WriteAllTextAsync(existing, "precious");
        var (exitCode, output) = await HostProcess.RunToExitAsync(directory.Path, ["backup", "--to", existing]);
        Assert.Equal(2, exitCode);
        Assert.Contains("--to: ", output, StringComparison.Ordinal);
        Assert.Equal("precious", await File.ReadAllTextAsync(existing));
    }
}
