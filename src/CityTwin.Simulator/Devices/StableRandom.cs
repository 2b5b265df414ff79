namespace CityTwin.Simulator.Devices;

/// <summary>
/// Deterministic numbers from a seed and a name (string.GetHashCode differs per process), so every
/// device's hidden parameters follow from the city's seed and its id alone.
/// </summary>
public static class StableRandom
{
    public static ulong Hash(int seed, string name, long salt = 0)
    {
        var hash = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var c in name)
            hash = (hash ^ c) * 1099511628211UL;
        hash ^= (ulong)salt;
        // SplitMix64 finaliser: neighbouring names and salts give unrelated values.
        hash += 0x9E3779B97F4A7C15UL;
        hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
        hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public static double Unit(int seed, string name, long salt = 0) => (Hash(seed, name, salt) >> 11) * (1.0 / (1UL << 53));

    public static Random For(int seed, string name) => new((int)(Hash(seed, name) & 0x7FFFFFFF));

    /// <summary>Smooth noise in [0, 1): knots every <paramref name="knotSpacing"/>, cosine-interpolated between them.</summary>
    public static double Smooth(int seed, string name, DateTimeOffset at, TimeSpan knotSpacing)
    {
        var x = at.ToUnixTimeSeconds() / knotSpacing.TotalSeconds;
        var k = (long)Math.Floor(x);
        var f = (1 - Math.Cos((x - k) * Math.PI)) / 2;
        return Unit(seed, name, k) * (1 - f) + Unit(seed, name, k + 1) * f;
    }
}
