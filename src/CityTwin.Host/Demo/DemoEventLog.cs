namespace CityTwin.Host.Demo;

/// <summary>Logs what happens in the simulated city, at most a few lines a second so a big city cannot flood the log.</summary>
internal sealed class DemoEventLog(ILogger logger)
{
    private const int LinesPerWindow = 20;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private readonly Lock gate = new();
    private DateTime windowStart = DateTime.UtcNow;
    private int logged;
    private int suppressed;

    public void Log(string assetId, string what)
    {
        lock (gate)
        {
            var now = DateTime.UtcNow;
            if (now - windowStart >= Window)
            {
                if (suppressed > 0)
                    logger.LogInformation("Demo city: ... and {Suppressed} more events", suppressed);
                (windowStart, logged, suppressed) = (now, 0, 0);
            }
            if (logged++ >= LinesPerWindow)
            {
                suppressed++;
                return;
            }
        }
        logger.LogInformation("Demo city: {AssetId}: {Event}", assetId, what);
    }
}
