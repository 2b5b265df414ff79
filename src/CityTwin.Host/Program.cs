using CityTwin.Host.Cli;

return await CommandLine.RunAsync(args);
