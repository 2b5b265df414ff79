namespace CityTwin.Grains.Tests;

/// <summary>For what happens after a one-way message or a timer: poll until it holds, or fail at a deadline.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail("the condition did not hold in time");
            await Task.Delay(50);
        }
    }
}
