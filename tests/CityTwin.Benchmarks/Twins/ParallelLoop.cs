namespace CityTwin.Benchmarks.Twins;

public static class ParallelLoop
{
    /// <summary>Runs <paramref name="body"/> for 0..count-1 with at most <paramref name="degree"/> in flight.</summary>
    public static Task ForAsync(int count, int degree, Func<int, Task> body, CancellationToken cancellationToken) =>
        Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken },
            async (i, _) => await body(i));
}
