using System.Globalization;
using Elim.Cli.Bench;

namespace Elim.Cli.Commands;

/// <summary>
/// <c>elim bench FILE --batch N</c>: seconds per point of every contender on one batch (the median of repeated
/// samples, with the fastest and slowest), and the ratios of the medians.
/// </summary>
/// <param name="contenders">What it times.</param>
/// <param name="absent">Contenders this tool leaves out, by name, with why: skipped with a note.</param>
public sealed class BenchCommand(IReadOnlyList<IBenchContender> contenders, IReadOnlyDictionary<string, string> absent) : ICommand
{
    /// <summary>A bench command timing <see cref="BenchContenders.All"/> and noting <see cref="BenchContenders.Absent"/>.</summary>
    public BenchCommand() : this(BenchContenders.All, BenchContenders.Absent) { }

    public string Name => "bench";
    public string Summary => "time compiled Jacobians against the interpreter and the primal";
    public string Usage => $"elim bench FILE --batch N [--threads T] {GraphLoader.Usage} [--at X1,X2,...] [--data D1,D2,...] [--only NAME,...] [--device {DeviceOption.Choices}] [--json]";
    public IReadOnlyList<CommandOption> Options =>
    [
        CommandOption.Required("batch", "N", "points to evaluate per call; at most what fits in memory"),
        new("threads", "T", "threads the compiled contenders may use", "1"),
        .. GraphLoader.Options,
        new("at", "X1,X2,...", "the centre of the points, each within ±0.5 % of it", "the file's \"Typical point\", else 0.5 for every input"),
        new("data", "D1,D2,...", "the data inputs of every point", "near the file's \"Typical data\", else near 0.5, per point"),
        new("only", "NAME,...", $"time only these contenders ({string.Join(", ", contenders.Select(c => c.Name))})", "all"),
        DeviceOption.Option,
        CommandOption.Json,
    ];

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        string path = arguments.SingleFile();
        var graph = GraphLoader.Load(arguments);
        int batch = PositiveInt(arguments, "batch", null);
        BenchBatchLimit.Check(batch, graph);
        int threads = PositiveInt(arguments, "threads", 1);
        using var device = DeviceOption.Open(arguments, error).Device;
        using var gpu = device is null ? null : new GpuContender(device);
        var (chosen, skipped) = Choose(gpu is null ? contenders : [.. contenders, gpu], absent, arguments.Value("only"));
        string source = File.ReadAllText(path);
        var centre = BenchPoints.Centre(graph, source, arguments.Value("at"));
        var givenData = PointOptions.Data(arguments.Value("data"), graph, required: false);
        var bench = new BenchCase(graph, BenchPoints.Around(centre, batch), BenchPoints.Data(graph, source, givenData, batch), batch, threads);
        var results = chosen.Select(contender =>
        {
            var (run, points) = contender.Prepare(bench);
            var timing = BenchTimer.Measure(run).PerPoint(points);
            return new
            {
                contender = contender.Name,
                secondsPerPoint = timing.Median,
                minSecondsPerPoint = timing.Min,
                maxSecondsPerPoint = timing.Max,
                samples = timing.Samples,
                callsPerSample = timing.CallsPerSample,
            };
        }).ToList();
        string bestOrder = bench.Best.Method;   // what the elim-best contenders compiled, and where it came from
        if (arguments.Has("json"))
        {
            JsonOutput.Write(output, new { batch, threads, bestOrder, results, skipped = skipped.Select(s => new { contender = s, reason = absent[s] }) });
            return 0;
        }
        double reference = results.FirstOrDefault(r => r.contender == "elim-best")?.secondsPerPoint ?? results[0].secondsPerPoint;
        string referenceName = results.Any(r => r.contender == "elim-best") ? "elim-best" : results[0].contender;
        string data = graph.DataCount == 0 ? "" : givenData is null ? ", data near the typical data" : $", data ({string.Join(", ", givenData.Select(Format))})";
        output.WriteLine($"{graph.Name}: batch {batch}, {threads} thread(s), around ({string.Join(", ", centre.Select(Format))}){data}");
        int width = Math.Max(16, results.Max(r => r.contender.Length)); // elim-best-ilgpu-cpu is longer than 16
        output.WriteLine($"  {"contender".PadRight(width)} {"ns/point",12} {"min",10} {"max",10} {"× " + referenceName,16}");
        foreach (var result in results)
        {
            output.WriteLine($"  {result.contender.PadRight(width)} {Format(result.secondsPerPoint * 1e9),12} {Format(result.minSecondsPerPoint * 1e9),10} " +
                $"{Format(result.maxSecondsPerPoint * 1e9),10} {Format(result.secondsPerPoint / reference),16}");
        }
        output.WriteLine($"  (ns/point: the median of {results.Min(r => r.samples)} or more samples; min and max: the fastest and slowest sample)");
        if (chosen.Any(c => c.Name.StartsWith("elim-best", StringComparison.Ordinal))) output.WriteLine($"  elim-best: order {bestOrder}");
        foreach (string name in skipped) output.WriteLine($"  {name}: skipped ({absent[name]})");
        return 0;
    }

    // The contenders to time, and the absent ones asked for (all of them when --only is not given), to note as skipped.
    private static (IReadOnlyList<IBenchContender> Chosen, IReadOnlyList<string> Skipped) Choose(
        IReadOnlyList<IBenchContender> contenders, IReadOnlyDictionary<string, string> absent, string? only)
    {
        if (only is null) return (contenders, [.. absent.Keys]);
        var names = only.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(name => name.Length == 0))
            throw new UsageException($"--only '{only}': give contender names, comma-separated. Contenders: {string.Join(", ", contenders.Select(c => c.Name))}.");
        foreach (var name in names)
        {
            if (!contenders.Any(c => c.Name == name) && !absent.ContainsKey(name))
                throw new UsageException($"--only: unknown contender '{name}'. Contenders: {string.Join(", ", contenders.Select(c => c.Name))}.");
        }
        var chosen = contenders.Where(c => names.Contains(c.Name)).ToList();
        var skipped = names.Where(absent.ContainsKey).Distinct().ToList();
        if (chosen.Count == 0) throw new MissingPartException($"--only: nothing to time: {string.Join("; ", skipped.Select(s => $"{s}: {absent[s]}"))}.");
        return (chosen, skipped);
    }

    /// <summary>The option <paramref name="name"/> as a positive whole number, else <paramref name="fallback"/> (null: it must be given).</summary>
    internal static int PositiveInt(Arguments arguments, string name, int? fallback)
    {
        string? text = arguments.Value(name);
        if (text is null)
            return fallback ?? throw new UsageException($"Missing --{name}: give a positive whole number.");
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new UsageException($"--{name} '{text}' is not a positive whole number.");
    }

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
