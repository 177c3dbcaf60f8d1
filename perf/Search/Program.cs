using Elim.Search.Perf;

// dotnet run -c Release --project perf/Search -- game | try METHOD SECONDS [SEED] | tune SECONDS | report [--short] | bounds GROUPSIZE...
//   | big-program STATEMENTS SEED (a random program, to stdout) | scale SECONDS METHOD,... STATEMENTS... (orders on big graphs)
string mode = args.Length > 0 ? args[0] : "report";
switch (mode)
{
    case "game":
        GameBenchmark.Run(Console.Out);
        return 0;
    case "try":
        TryMethod.Run(args[1], TimeSpan.FromSeconds(double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)),
            args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1, Console.Out);
        return 0;
    case "tune":
        TuneAnnealing.Run(TimeSpan.FromSeconds(double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)), Console.Out);
        return 0;
    case "big-program":
        Console.Out.Write(Elim.Testing.RandomBigPrograms.Generate(
            int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)));
        return 0;
    case "scale":
        ScaleOrders.Run(args[3..].Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)),
            args[2].Split(',', StringSplitOptions.RemoveEmptyEntries), Console.Out);
        return 0;
    case "bounds":
        BoundReport.Run(args[1..].Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)), Console.Out);
        return 0;
    case "report":
        SearchReport.Run(args.Contains("--short"), Console.Out);
        return 0;
    default:
        Console.Error.WriteLine($"unknown mode '{mode}': use game, try METHOD SECONDS [SEED], tune SECONDS, bounds GROUPSIZE..., big-program STATEMENTS SEED, scale SECONDS METHODS STATEMENTS... or report [--short]");
        return 64;
}
