namespace CityTwin.Integration.Tests.Mqtt;

/// <summary>For what the broker does after it answered (or without answering, at QoS 0): poll until it holds.</summary>
public static class Eventually
{
    /// <returns>Whether <paramref name="condition"/> held before <paramref name="within"/> (10 s by default) passed.</returns>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(50);
        }
        return true;
    }
}
