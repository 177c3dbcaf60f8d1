using System.Diagnostics;
using System.Globalization;
using Elim.Graph;
using Elim.Search;
using Elim.Search.Exact;

namespace Elim.Cli.Commands;

/// <summary>
/// <c>elim search FILE --method NAME --time 60s --seed N [--out order.json] [--json]</c>: searches for a
/// cheap elimination order, shows progress on stderr, writes the order file and offers the order to the
/// order store. Exact search also starts from the best known order and saves and resumes checkpoints (<see cref="ExactRun"/>).
/// </summary>
public sealed class SearchCommand : ICommand
{
    private static readonly TimeSpan DefaultTime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MinimumSearchTime = TimeSpan.FromMilliseconds(1);

    public string Name => "search";
    public string Summary => "search for a cheap elimination order (heuristics, exact, annealing, MCTS)";
    public string Usage =>
        $"elim search FILE {GraphLoader.Usage} [--method {string.Join("|", SearchMethods.Names)}] [--time 60s] [--seed N] " +
        "[--iterations N] [--cost markowitz|emitted] [--out PATH] [--checkpoint PATH] [--resume PATH] [--force] [--no-store] [--json]";
    public IReadOnlyList<CommandOption> Options =>
    [
        .. GraphLoader.Options,
        new("method", "NAME", $"the search method: {string.Join(", ", SearchMethods.Names)}", SearchMethods.Default),
        new("time", "DURATION", "wall time for the whole command, loading included (like 60s, 500ms, 2m, 1h)", "60s"),
        new("seed", "N", "seed of the randomised methods", "1"),
        new("iterations", "N", "stop after this many units of the method's work (nodes, moves or simulations; see docs/search.md)", "no limit"),
        new("cost", "markowitz|emitted", "the cost to minimise: the paper's |P|·|S| multiplications, or emitted ones (±1 products free)", "markowitz"),
        new("out", "PATH", "write the order file here", "none: the order is only printed and stored"),
        .. ExactRun.Options,
        CommandOption.Force,
        CommandOption.Flag("no-store", "do not offer the order to the order store"),
        CommandOption.Json,
    ];

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        long started = Stopwatch.GetTimestamp();
        string file = arguments.SingleFile();
        var costModel = CostModelOf(arguments.Value("cost"));
        var method = Method(arguments.Value("method") ?? SearchMethods.Default, costModel);
        var time = Time(arguments.Value("time"));
        var iterations = Iterations(arguments.Value("iterations"));
        int seed = Seed(arguments.Value("seed"));
        string? outPath = arguments.Value("out");
        if (outPath is not null) OutputPath.Check(outPath, replace: arguments.Has("force"));
        var exact = ExactRun.Of(arguments, method);
        if (outPath is not null && exact?.SavePath is { } savePath && ExactRun.SameFile(outPath, savePath))
            throw new UsageException($"--out and the checkpoint name the same file, '{outPath}': one would overwrite the other; give two paths.");
        var graph = GraphLoader.Load(file, arguments);
        var budget = new SearchBudget(SearchTime(time, Stopwatch.GetElapsedTime(started)), iterations);

        using var cancel = new CancellationTokenSource();
        var stopSignals = new StopSignals(cancel);
        SearchResult result;
        ExactCheckpoint? checkpoint = null;
        var display = ProgressDisplay.On(error);
        try
        {
            if (exact is null) result = method.Search(graph, budget, seed, display, cancel.Token);
            else (result, checkpoint) = exact.Search(graph, budget, display, cancel.Token);
        }
        catch (SearchUnavailableException e)
        {
            error.WriteLine($"error: {e.Message}");
            return CommandLine.UsageError;
        }
        finally
        {
            stopSignals.Dispose();
            display.Finish();
        }
        foreach (string note in result.Notes) error.WriteLine($"note: {note}");

        var orderFile = costModel == CostModel.Markowitz
            ? OrderFile.For(graph, result.Order, result.Method, result.Cost)
            : OrderFile.For(graph, result.Order, result.Method);
        bool? stored = arguments.Has("no-store") ? null : Store(graph, orderFile, error);
        string? writeError = outPath is null ? null : OutputPath.TryWrite(outPath, orderFile.ToJson());
        string? checkpointPath = exact?.SavePath;
        string? checkpointError = checkpointPath is null ? null : OutputPath.TryWrite(checkpointPath, checkpoint!.ToJson());
        if (checkpointError is not null) checkpointPath = null;
        if (arguments.Has("json"))
        {
            JsonOutput.Write(output, new
            {
                function = graph.Name,
                graphHash = orderFile.GraphHash,
                method = result.Method,
                costModel = costModel.ToString().ToLowerInvariant(),
                cost = result.Cost,
                lowerBound = result.LowerBound,
                provenOptimal = result.ProvenOptimal,
                seconds = Math.Round(result.Elapsed.TotalSeconds, 3),
                evaluations = result.Evaluations,
                notes = result.Notes,
                order = result.Order.VertexIds,
                @out = writeError is null ? outPath : null,
                checkpoint = checkpointPath,
                stored,
            });
        }
        else
        {
            // A fixed order (forward, the heuristics, the priority network's greedy play) computes no bound.
            string gap = result.ProvenOptimal ? "proven optimal"
                : result.LowerBound <= 0 ? "no lower bound computed"
                : $"lower bound {result.LowerBound}, gap at most {100.0 * (result.Cost - result.LowerBound) / result.Cost:F1}%";
            string model = costModel == CostModel.Emitted ? "emitted " : "";
            output.WriteLine($"{graph.Name}: {result.Method} found an order costing {result.Cost} {model}multiplications ({gap}) " +
                $"in {result.Elapsed.TotalSeconds:F1} s");
            if (outPath is not null && writeError is null) output.WriteLine($"order written to {outPath}");
            if (checkpointPath is not null) output.WriteLine(Saved(checkpointPath, checkpoint!));
            if (stored == true) output.WriteLine($"order stored in {OrderStore.Default().Directory}");
            else if (stored == false && OrderStore.Default().TryGetBest(graph) is { Measured: not null } kept)
                output.WriteLine($"not stored: the store keeps its measured order ({Backend.BestOrder.Describe(kept)}); run elim tune to time the orders a search finds against it");
        }
        string[] errors = [.. new[] { writeError, checkpointError }.OfType<string>()];
        foreach (string message in errors) error.WriteLine($"error: {message}");
        return errors.Length == 0 ? 0 : CommandLine.UsageError;
    }

    private static string Saved(string path, ExactCheckpoint checkpoint)
    {
        string totals = $"{checkpoint.Nodes:N0} nodes and {checkpoint.Elapsed.TotalSeconds:F1} s in {checkpoint.Runs} run(s)";
        return checkpoint.Finished
            ? $"checkpoint saved to {path}: the search is complete ({totals})"
            : $"checkpoint saved to {path} after {totals}; continue with --resume {path}";
    }

    private static ISearchMethod Method(string name, CostModel costModel)
    {
        try { return SearchMethods.Create(name, costModel); }
        catch (UnknownSearchMethodException e) { throw new UsageException(e.Message); }
    }

    private static CostModel CostModelOf(string? text) => text?.ToLowerInvariant() switch
    {
        null or "markowitz" => CostModel.Markowitz,
        "emitted" => CostModel.Emitted,
        _ => throw new UsageException($"--cost '{text}' is not a cost model: use markowitz (the paper's |P|·|S|) or emitted (±1 products free)."),
    };

    /// <summary>Parses a duration: <c>60s</c>, <c>500ms</c>, <c>2m</c>, <c>1h</c> or plain seconds; it must be positive.</summary>
    internal static TimeSpan Time(string? text)
    {
        if (text is null) return DefaultTime;
        string trimmed = text.Trim().ToLowerInvariant();
        (string number, double unitSeconds) = trimmed switch
        {
            _ when trimmed.EndsWith("ms", StringComparison.Ordinal) => (trimmed[..^2], 0.001),
            _ when trimmed.EndsWith('s') => (trimmed[..^1], 1.0),
            _ when trimmed.EndsWith('m') => (trimmed[..^1], 60.0),
            _ when trimmed.EndsWith('h') => (trimmed[..^1], 3600.0),
            _ => (trimmed, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw new UsageException($"--time '{text}' is not a duration: write it like 60s, 500ms, 2m or 1h.");
        if (value <= 0) throw new UsageException($"--time '{text}' must be positive.");
        return TimeSpan.FromSeconds(Math.Min(value * unitSeconds, TimeSpan.FromDays(1).TotalSeconds));
    }

    /// <summary>
    /// What of <paramref name="time"/> is left for the search: <c>--time</c> bounds the whole command, so what
    /// loading the program took (<paramref name="spent"/>, seconds on a big one) comes off it. A search given less
    /// than nothing still returns the forward or reverse order it always finds first.
    /// </summary>
    private static TimeSpan SearchTime(TimeSpan time, TimeSpan spent) =>
        time - spent > MinimumSearchTime ? time - spent : MinimumSearchTime;

    private static long? Iterations(string? text)
    {
        if (text is null) return null;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value <= 0)
            throw new UsageException($"--iterations '{text}' must be a positive whole number.");
        return value;
    }

    /// <summary>Parses <c>--seed</c>: a whole number, 1 when not given.</summary>
    internal static int Seed(string? text)
    {
        if (text is null) return 1;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            throw new UsageException($"--seed '{text}' must be a whole number.");
        return value;
    }

    /// <summary>
    /// Offers the order to the order store (with this run's times of other orders, see <see cref="OrderStore.Offer(ComputationalGraph, OrderFile, Func{EliminationOrder, OrderMeasurement?})"/>);
    /// a store that cannot be written is a warning, not a failure.
    /// </summary>
    internal static bool? Store(ComputationalGraph graph, OrderFile orderFile, TextWriter error, Func<EliminationOrder, OrderMeasurement?>? timeNow = null)
    {
        var store = OrderStore.Default();
        try { return store.Offer(graph, orderFile, timeNow); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string reason = File.Exists(store.Directory) ? "it is a file, not a folder." : e.Message;
            error.WriteLine($"warning: could not update the order store '{store.Directory}': {reason} " +
                $"Set {OrderStore.DirectoryVariable} to a folder you can write, or pass --no-store.");
            return null;
        }
    }
}
