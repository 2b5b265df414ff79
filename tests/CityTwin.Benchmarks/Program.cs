using CityTwin.Benchmarks;
using CityTwin.Benchmarks.Framework;
using CityTwin.Benchmarks.Http;

// The HTTP benchmark starts this executable again as its load generator, in a process of its own.
if (args is [HttpLoadClient.Command, var plan])
    return await HttpLoadClient.RunAsync(plan);

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
