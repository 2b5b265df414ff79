namespace CityTwin.Savings.Simulation;

/// <summary>
/// The draws the generator needs, from <see cref="Random"/> with a fixed seed (its algorithm for a given seed is
/// stable within a .NET version). Each independent stream (a bin's fill, its sensor's noise, a light's passers-by)
/// gets its own seed derived from the district's, so one stream's length never shifts another's draws.
/// </summary>
public sealed class SeededRandom(int seed)
{
    private readonly Random random = new(seed);

    /// <summary>
    /// A seed for stream <paramref name="stream"/> of item <paramref name="item"/> of district seed <paramref name="seed"/>:
    /// SplitMix64's finaliser, as <see cref="HashCode"/> is salted per process and would break reruns.
    /// </summary>
    public static int Derive(int seed, int stream, int item)
    {
        var z = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)(uint)stream * 0xBF58476D1CE4E5B9UL + (ulong)(uint)item * 0x94D049BB133111EBUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((int)(z ^ (z >> 31)));
    }

    public double Uniform() => random.NextDouble();

    public double Uniform(double low, double high) => low + (high - low) * random.NextDouble();

    public int Below(int count) => random.Next(count);

    public bool Chance(double probability) => random.NextDouble() < probability;

    public double Gaussian()
    {
        // Box–Muller; 1 - u keeps the logarithm away from zero.
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>A log-normal factor with mean 1 and log-scale spread <paramref name="sigma"/>.</summary>
    public double LogNormalFactor(double sigma) => Math.Exp(sigma * Gaussian() - sigma * sigma / 2);

    /// <summary>log-uniform in [low, high].</summary>
    public double LogUniform(double low, double high) => Math.Exp(Uniform(Math.Log(low), Math.Log(high)));

    /// <summary>Time to the next event of a Poisson process of <paramref name="ratePerHour"/>.</summary>
    public TimeSpan Exponential(double ratePerHour) => TimeSpan.FromHours(-Math.Log(1 - random.NextDouble()) / ratePerHour);
}
