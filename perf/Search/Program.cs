using Elim.Search.Perf;

// dotnet run -c Release --project perf/Search -- game | try METHOD SECONDS [SEED] | tune SECONDS | report --out DIR [--force] [--short]
//   | seeds --out DIR [--force] [--tasks A,B] (anneal against priority-anneal over five seeds, on the examples of 500 eliminable
//     vertices or more, or the tasks named)
//   | bounds KICKS GROUPSIZE...
//   | exact-nodes VERTICES GRAPHS (exact search on random graphs: nodes and time to prove)
//   | big-program STATEMENTS SEED (a random program, to stdout) | scale SECONDS METHOD,... STATEMENTS... (orders on big graphs)
Elim.Search.Agent.Inference.AgentMethods.Register();   // the priority network's methods, from models/
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
        BoundReport.Run(args[2..].Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)),
            int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), Console.Out);
        return 0;
    case "exact-nodes":
        ExactNodes.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), Console.Out);
        return 0;
    case "report":
        if (ReportFolder(args, SearchReport.Files) is not { } folder) return 64;
        SearchReport.Run(folder, args.Contains("--short"), Console.Out);
        return 0;
    case "seeds":
        if (ReportFolder(args, SeedReport.Files) is not { } seedFolder) return 64;
        int tasksAt = Array.IndexOf(args, "--tasks");
        string[]? tasks = tasksAt > 0 && tasksAt + 1 < args.Length ? args[tasksAt + 1].Split(',') : null;
        var known = Examples.All().Select(example => example.Task).ToHashSet();
        if (tasks?.FirstOrDefault(task => !known.Contains(task)) is { } unknown)
        {
            Console.Error.WriteLine($"--tasks: no example '{unknown}'; the tasks are {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
            return 64;
        }
        SeedReport.Run(seedFolder, seeds: 5, tasks, Console.Out);
        return 0;
    default:
        Console.Error.WriteLine($"unknown mode '{mode}': use game, try METHOD SECONDS [SEED], tune SECONDS, bounds KICKS GROUPSIZE..., exact-nodes VERTICES GRAPHS, big-program STATEMENTS SEED, scale SECONDS METHODS STATEMENTS..., report --out DIR [--force] [--short] or seeds --out DIR [--force] [--tasks A,B]");
        return 64;
}

// The report's folder from --out, checked before the runs: writable, and holding no report unless --force.
static string? ReportFolder(string[] args, string[] files)
{
    int at = Array.IndexOf(args, "--out");
    if (at < 0 || at + 1 >= args.Length)
    {
        Console.Error.WriteLine($"{args[0]} needs --out DIR: the folder for {string.Join(", ", files)}{(args[0] == "report" ? " and the charts" : "")}.");
        return null;
    }
    string folder = Path.GetFullPath(args[at + 1]);
    if (Elim.Testing.ResultsFolder.Refusal(folder, args.Contains("--force"), files) is not { } refusal) return folder;
    Console.Error.WriteLine(refusal);
    return null;
}
