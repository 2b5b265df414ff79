namespace CityTwin.Testing;

/// <summary>
/// For what happens after a one-way message, a timer or a broker's answer: poll until a condition holds, or
/// give up at a deadline (10 s unless said).
/// </summary>
public static class Eventually
{
    /// <returns>Whether <paramref name="condition"/> held before <paramref name="within"/> passed.</returns>
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

    /// <exception cref="TimeoutException"><paramref name="condition"/> did not hold before <paramref name="within"/> passed.</exception>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan? within = null, string? what = null)
    {
        if (!await TrueAsync(condition, within))
            throw new TimeoutException(what ?? "the condition did not hold in time");
    }
}
