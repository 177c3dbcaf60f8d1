using System.Diagnostics;
using Elim.Backend.Cache;
using Elim.Frontend;
using Elim.Graph;
using Elim.Search;

namespace Elim.Scale.Perf;

/// <summary>
/// The in-process steps for one program, on this thread (batches with one thread): parse+lower, minimal Markowitz,
/// the portfolio, compile from text to the first Jacobian, one Jacobian, and a batch of Jacobians. A step is skipped
/// when the budget predicts it does not fit (from the same step at the previous size).
/// </summary>
public sealed class PipelineSteps(TimeBudget budget, Action<ScaleRow> report)
{
    public const string ParseLower = "parse+lower", Markowitz = "minimal Markowitz", Portfolio = "portfolio",
        Compile = "compile (text → first Jacobian)", OnePoint = "one Jacobian (single point)",
        PerPoint = "batch: ns per point", PerMultiplication = "batch: ns per multiplication";

    public static IReadOnlyList<string> TimedSteps { get; } = [ParseLower, Markowitz, Portfolio, Compile, OnePoint];

    // The portfolio's own time limit: far past the 2 s, yet short enough to leave the budget to the other steps.
    private static readonly TimeSpan PortfolioLimit = TimeSpan.FromSeconds(60);

    // Seconds each step took at the previous size of the current family, and that size.
    private readonly Dictionary<string, double> _previous = [];
    private int _previousVertices;

    /// <summary>Starts a new family: no predictions from another family's sizes.</summary>
    public void NewFamily()
    {
        _previous.Clear();
        _previousVertices = 0;
    }

    /// <summary>Runs every step on <paramref name="text"/>, a program of <paramref name="family"/> made for <paramref name="target"/> vertices.</summary>
    public void Measure(ScaleFamily family, int target, string text, int parameter)
    {
        var (graph, parseSeconds) = Timed(() => ElimFrontend.Compile(text, $"{family.Name}-{target}.elim"));
        int vertices = graph.VertexCount;
        double ratio = _previousVertices > 0 ? (double)vertices / _previousVertices : 1;
        void Row(string step, double? value, string unit, string note = "") => report(new ScaleRow(family.Name, target, vertices, step, value, unit, note));
        Row(ParseLower, parseSeconds, "s", $"{graph.Edges.Count:N0} edges, parameter {parameter}");
        var seconds = new Dictionary<string, double> { [ParseLower] = parseSeconds };

        // Runs a timed step unless the budget refuses it; returns its result.
        T? Step<T>(string name, Func<T> work, Func<T, string> note) where T : class
        {
            if (budget.Refusal(_previous.TryGetValue(name, out double previous) ? previous : null, ratio) is { } refusal)
            {
                Row(name, null, "s", "skipped: " + refusal);
                return null;
            }
            Console.WriteLine($"    {name} ...");
            // On a thread of its own, so that a step far slower than predicted cannot outlast the budget: the run ends there.
            var step = Task.Run(() => Timed(work));
            if (!step.Wait(budget.Left > TimeSpan.Zero ? budget.Left : TimeSpan.Zero))
            {
                Row(name, null, "s", "not finished when the budget ran out");
                throw new BudgetSpentException($"{name} at {vertices:N0} vertices did not finish within the budget");
            }
            var (result, elapsed) = step.Result;
            seconds[name] = elapsed;
            Row(name, elapsed, "s", note(result));
            return result;
        }

        var markowitz = Step(Markowitz, () => StandardOrders.MinimalMarkowitz(graph), order => $"Markowitz cost {MarkowitzCost.Of(graph, order):N0}");
        var portfolio = Step(Portfolio, () => SearchMethods.Create("portfolio").Search(graph, SearchBudget.OfTime(Min(PortfolioLimit, budget.Left)), 1, null, CancellationToken.None),
            result => $"cost {result.Cost:N0} ({result.Method})" + (result.Elapsed >= PortfolioLimit ? $"; stopped at its {PortfolioLimit.TotalSeconds:F0} s limit" : ""));
        // The order a user compiles after searching: the portfolio's (on the random programs minimal Markowitz costs many times more; see scale.md).
        var (order, orderNote) = (portfolio, markowitz) switch
        {
            ({ } found, _) => (found.Order, $"the portfolio's order ({found.Method}), found in the row above"),
            (null, { } greedy) => (greedy, "minimal-Markowitz order (the portfolio was skipped)"),
            _ => (StandardOrders.Reverse(graph), "reverse order (minimal Markowitz and the portfolio were skipped)"),
        };
        var data = family.Point(graph.DataCount, parameter, seed: 11).Select(Math.Abs).ToArray();
        var point = family.Point(graph.InputCount, parameter);
        StageClock? stages = null;
        var compiled = Step(Compile, () =>
        {
            stages = new StageClock();
            var function = Jacobians.Compile(text, new CompileOptions { Order = OrderSource.Explicit(order), Cache = new CodeCache(), Progress = stages },
                $"{family.Name}.elim");
            function.Prepare(stages);
            function.Evaluate(point, data, new double[function.OutputCount], new double[function.OutputCount * function.InputCount]);
            return function;
        }, function => $"{orderNote}; emitted cost {function.EmittedCost:N0}" + (stages!.Split(seconds[Compile]) is { Length: > 0 } split ? $"; {split}" : ""));
        if (compiled is not null)
        {
            var (outputs, jacobian) = (new double[compiled.OutputCount], new double[compiled.OutputCount * compiled.InputCount]);
            Row(OnePoint, FastestCall(() => compiled.Evaluate(point, data, outputs, jacobian)), "s");
            double perPoint = BatchNanosecondsPerPoint(compiled, family, parameter);
            Row(PerPoint, perPoint, "ns");
            Row(PerMultiplication, perPoint / Math.Max(1, compiled.EmittedCost), "ns", $"emitted cost {compiled.EmittedCost:N0}");
        }
        foreach (var (step, value) in seconds) _previous[step] = value;
        _previousVertices = vertices;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static (T Result, double Seconds) Timed<T>(Func<T> work)
    {
        long start = Stopwatch.GetTimestamp();
        var result = work();
        return (result, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>
    /// The time of one call, in seconds: the fastest of repeated samples (at least 3, for about a quarter of a second),
    /// each of as many calls as last 50 µs, timed in the clock's own ticks (a TimeSpan would round to 100 ns).
    /// </summary>
    private static double FastestCall(Action call)
    {
        double SampleSeconds(int calls)
        {
            long start = Stopwatch.GetTimestamp();
            for (int c = 0; c < calls; c++) call();
            return (double)(Stopwatch.GetTimestamp() - start) / Stopwatch.Frequency;
        }
        int calls = 1;
        while (SampleSeconds(calls) < 50e-6 && calls < 1 << 20) calls *= 2;
        double fastest = double.MaxValue;
        var clock = Stopwatch.StartNew();
        for (int k = 0; k < 3 || (clock.Elapsed.TotalSeconds < 0.25 && k < 10_000); k++) fastest = Math.Min(fastest, SampleSeconds(calls) / calls);
        return fastest;
    }

    /// <summary>
    /// Nanoseconds per point of the fastest batch on one thread; the batch holds up to 4,096 points, fewer where the
    /// Jacobians would pass about 256 MB.
    /// </summary>
    private static double BatchNanosecondsPerPoint(JacobianFunction function, ScaleFamily family, int parameter)
    {
        long perPoint = (long)function.OutputCount * function.InputCount + function.OutputCount + function.InputCount + function.DataCount;
        int count = (int)Math.Clamp(256L * 1024 * 1024 / 8 / perPoint, 64, 4096);
        var x = Enumerable.Range(0, count).SelectMany(i => family.Point(function.InputCount, parameter, seed: i)).ToArray();
        var data = Enumerable.Range(0, count).SelectMany(i => family.Point(function.DataCount, parameter, seed: 11 + i)).Select(Math.Abs).ToArray();
        var outputs = new double[count * function.OutputCount];
        var jacobians = new double[(long)count * function.OutputCount * function.InputCount];
        double seconds = FastestCall(() => function.EvaluateBatch(x, data, outputs, jacobians, count, threads: 1));
        return seconds * 1e9 / count;
    }
}

/// <summary>A step outlasted the budget; it still runs, so the benchmark ends with what it has.</summary>
public sealed class BudgetSpentException(string message) : Exception(message);
