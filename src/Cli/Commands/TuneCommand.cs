using System.Diagnostics;
using System.Globalization;
using Elim.Backend;
using Elim.Cli.Bench;
using Elim.Cli.Tune;
using Elim.Graph;

namespace Elim.Cli.Commands;

/// <summary>
/// <c>elim tune FILE [--time T] [--candidates K] [--batch B]</c>: compiles a few cheap and diverse orders, times each
/// one's batched Jacobian on this machine (one thread, interleaved rounds, medians) and stores the fastest in the
/// order store with its time, so that <c>--order best</c> compiles it.
/// </summary>
public sealed class TuneCommand : ICommand
{
    private const int DefaultCandidates = 6;
    private const int DefaultBatch = 1000;
    private const int Rounds = 5;
    private const int Threads = 1;
    private const double SearchShare = 0.4;
    private const double MinimumSecondsPerMeasure = 0.02;
    private static readonly TimeSpan DefaultTime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MinimumTime = TimeSpan.FromSeconds(1);

    public string Name => "tune";
    public string Summary => "time a few cheap orders on this machine and store the fastest for --order best";
    public string Usage => $"elim tune FILE {GraphLoader.Usage} [--time 30s] [--candidates K] [--batch B] [--seed N] [--no-store] [--json]";
    public IReadOnlyList<CommandOption> Options { get; } =
    [
        .. GraphLoader.Options,
        new("time", "DURATION", $"wall time for the whole command: about {SearchShare:P0} searching, the rest timing (like 30s, 2m)", "30s"),
        new("candidates", "K", "how many orders to compile and time (the cheapest always among them)", $"{DefaultCandidates}"),
        new("batch", "B", "points per timed call, near the file's \"Typical point\"", $"{DefaultBatch:N0}"),
        new("seed", "N", "seed of the annealing runs", "1"),
        CommandOption.Flag("no-store", "do not offer the fastest order to the order store"),
        CommandOption.Json,
    ];

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        long started = Stopwatch.GetTimestamp();
        string path = arguments.SingleFile();
        var time = arguments.Value("time") is { } t ? SearchCommand.Time(t) : DefaultTime;
        if (time < MinimumTime)
            throw new UsageException($"--time {arguments.Value("time")}: tune needs at least {MinimumTime.TotalSeconds:F0}s (it searches, then times every order over several rounds).");
        int wanted = BenchCommand.PositiveInt(arguments, "candidates", DefaultCandidates);
        int batch = BenchCommand.PositiveInt(arguments, "batch", DefaultBatch);
        int seed = SearchCommand.Seed(arguments.Value("seed"));
        var graph = GraphLoader.Load(path, arguments);
        BenchBatchLimit.Check(batch, graph);
        var store = OrderStore.Default();
        TimeSpan Left() => time - Stopwatch.GetElapsedTime(started);

        var searchTime = Left() * SearchShare;
        error.WriteLine($"tune: searching for orders for {Seconds(searchTime)}");
        var display = ProgressDisplay.On(error);
        IReadOnlyList<TuneCandidate> pool;
        try { pool = TuneCandidates.Gather(graph, store, searchTime > TimeSpan.Zero ? searchTime : TimeSpan.FromMilliseconds(1), seed, display, CancellationToken.None); }
        finally { display.Finish(); }

        var chosen = Compile(graph, pool, wanted, out var twins);
        error.WriteLine($"tune: {pool.Count} distinct orders, {chosen.Count} compiled for timing" +
            (twins.Count > 0 ? $" ({twins.Count} left out: the same emitted code as one already chosen)" : ""));
        string source = File.ReadAllText(path);
        var inputs = BenchPoints.Around(BenchPoints.Centre(graph, source, null), batch);
        var data = BenchPoints.Data(graph, source, null, batch);
        var timings = Measure(chosen, inputs, data, batch, Left(), error);
        int picked = TuneSelection.Pick(chosen.Select((c, i) => new TuneTiming(c.Candidate.Cost, timings[i].Median)).ToList());

        var measurement = new OrderMeasurement(timings[picked].Median, timings[picked].Min, timings[picked].Max, batch, Threads, MachineDescription.Current);
        var pick = chosen[picked].Candidate;
        var file = OrderFile.For(graph, pick.Order, pick.StoredMethod, pick.Cost) with { Measured = measurement };
        // This run's times by order (a twin has its code's time), so the stored order is judged by its time now.
        var timesNow = new Dictionary<string, OrderMeasurement>();
        for (int i = 0; i < chosen.Count; i++) timesNow[Key(chosen[i].Candidate.Order)] = measurement with { SecondsPerPoint = timings[i].Median, MinSecondsPerPoint = timings[i].Min, MaxSecondsPerPoint = timings[i].Max };
        foreach (var (twin, of) in twins) timesNow[Key(twin.Order)] = timesNow[Key(chosen[of].Candidate.Order)];
        bool? stored = arguments.Has("no-store") ? null : SearchCommand.Store(graph, file, error, order => timesNow.GetValueOrDefault(Key(order)));
        int cheapest = Enumerable.Range(0, chosen.Count).MinBy(i => chosen[i].Candidate.Cost);
        if (arguments.Has("json"))
        {
            JsonOutput.Write(output, new
            {
                function = graph.Name,
                graphHash = file.GraphHash,
                batch,
                threads = Threads,
                rounds = Rounds,
                machine = MachineDescription.Current,
                candidates = chosen.Select((c, i) => new
                {
                    source = c.Candidate.Source,
                    cost = c.Candidate.Cost,
                    emittedCost = c.Function.EmittedCost,
                    secondsPerPoint = timings[i].Median,
                    minSecondsPerPoint = timings[i].Min,
                    maxSecondsPerPoint = timings[i].Max,
                    picked = i == picked,
                    order = c.Candidate.Order.VertexIds,
                }),
                picked = pick.Source,
                stored,
            });
            return 0;
        }
        output.WriteLine($"{graph.Name}: {chosen.Count} order{(chosen.Count == 1 ? "" : "s")}, batch {batch}, {Threads} thread, median of {Rounds} interleaved rounds");
        int width = Math.Max(6, chosen.Max(c => c.Candidate.Source.Length));
        output.WriteLine($"    {"source".PadRight(width)}  {"mults",7}  {"emitted",7}  ns/point median [min–max]");
        for (int i = 0; i < chosen.Count; i++)
        {
            var (candidate, function) = chosen[i];
            output.WriteLine($"  {(i == picked ? '*' : ' ')} {candidate.Source.PadRight(width)}  {candidate.Cost,7}  {function.EmittedCost,7}  " +
                $"{Ns(timings[i].Median)} [{Ns(timings[i].Min)}–{Ns(timings[i].Max)}]");
        }
        string versus = picked == cheapest ? "the cheapest order is the fastest"
            : $"{timings[cheapest].Median / timings[picked].Median:F2}× the speed of the cheapest ({chosen[cheapest].Candidate.Source}, {chosen[cheapest].Candidate.Cost} multiplications)";
        output.WriteLine($"picked (*): {pick.Source}, {measurement}; {versus}");
        if (stored == true) output.WriteLine($"order stored in {store.Directory}");
        else if (stored == false && store.TryGetBest(graph) is { } kept)
            output.WriteLine($"not stored: the store keeps {BestOrder.Describe(kept)}, which the pick was not measured faster than");
        return 0;
    }

    // Compiles the candidates in their order of preference, leaving out one whose emitted code equals one already chosen.
    // Each twin comes with the index of the chosen candidate whose code it has.
    private static List<(TuneCandidate Candidate, JacobianFunction Function)> Compile(ComputationalGraph graph, IReadOnlyList<TuneCandidate> pool,
        int wanted, out List<(TuneCandidate Twin, int Of)> twins)
    {
        var chosen = new List<(TuneCandidate, JacobianFunction)>();
        var programs = new Dictionary<string, int>(StringComparer.Ordinal);
        twins = [];
        foreach (var candidate in pool)
        {
            if (chosen.Count == wanted) break;
            var function = JacobianCompiler.Compile(graph, candidate.Order);
            string code = function.Dump();
            code = code[(code.IndexOf('\n') + 1)..]; // past the header, which names the Markowitz cost
            if (programs.TryGetValue(code, out int of)) twins.Add((candidate, of));
            else
            {
                programs[code] = chosen.Count;
                chosen.Add((candidate, function));
            }
        }
        return chosen;
    }

    private static string Key(EliminationOrder order) => string.Join(',', order.VertexIds);

    // Rounds of every candidate in turn (so a slow spell of the machine hits them all alike); each candidate's time is the
    // median of its rounds, each round the median sample of BenchTimer, with the fastest and slowest round.
    private static List<(double Median, double Min, double Max)> Measure(List<(TuneCandidate Candidate, JacobianFunction Function)> chosen,
        double[] inputs, double[] data, int batch, TimeSpan left, TextWriter error)
    {
        var runs = chosen.Select(c =>
        {
            var function = c.Function;
            var outputs = new double[batch * function.OutputCount];
            var jacobians = new double[outputs.Length * function.InputCount];
            return (Action)(() => function.EvaluateBatch(inputs, data, outputs, jacobians, batch, BatchLayout.PerPoint, Threads));
        }).ToList();
        double perMeasure = Math.Max(MinimumSecondsPerMeasure, left.TotalSeconds / (Rounds * chosen.Count) * 0.8);
        var rounds = chosen.Select(_ => new List<double>()).ToList();
        for (int round = 1; round <= Rounds; round++)
        {
            error.WriteLine($"tune: round {round}/{Rounds}, {chosen.Count} orders, {perMeasure:F2} s each");
            for (int i = 0; i < runs.Count; i++) rounds[i].Add(BenchTimer.Measure(runs[i], perMeasure).PerPoint(batch).Median);
        }
        return rounds.Select(r =>
        {
            r.Sort();
            return (r[r.Count / 2], r[0], r[^1]);
        }).ToList();
    }

    private static string Ns(double secondsPerPoint) => (secondsPerPoint * 1e9).ToString("G4", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";
}
