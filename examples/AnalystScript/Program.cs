return await CityTwin.Examples.AnalystScript.BinsAboveLevel.RunAsync(args, Console.Out);
