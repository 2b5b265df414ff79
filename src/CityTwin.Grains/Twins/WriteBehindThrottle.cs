using Microsoft.Extensions.Options;

namespace CityTwin.Grains.Twins;

/// <summary>Bounds how many twins write behind at once (see <see cref="TwinOptions.MaxConcurrentWrites"/>).</summary>
public sealed class WriteBehindThrottle(IOptions<TwinOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentWrites, options.Value.MaxConcurrentWrites);

    /// <summary>Never waits: a twin that gets no slot tries again later.</summary>
    public bool TryEnter() => slots.Wait(0);

    public void Exit() => slots.Release();

    public void Dispose() => slots.Dispose();
}
