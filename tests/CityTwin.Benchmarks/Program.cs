using CityTwin.Benchmarks;
using CityTwin.Benchmarks.Framework;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

// Ctrl+C cancels the running benchmark instead of killing the process, so that servers it started
// are stopped and temporary directories removed.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await BenchmarkRunner.RunAsync(BenchmarkCatalog.All, options, Console.Out, cancellation.Token);
