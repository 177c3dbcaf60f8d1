using System.Diagnostics;
using System.Globalization;
using System.Text;
using Elim.Graph;

namespace Elim.Search.Perf;

/// <summary>
/// The search report: for every example, the classical orders, the portfolio, the priority network's greedy order,
/// exact search, annealing, annealing warm-started by the priority network and MCTS at 10 s and 60 s, and the lower
/// bound; Markdown and CSV (and best-cost-against-time curves) in the folder the user names.
/// </summary>
internal static class SearchReport
{
    private const int Seed = 1;

    private static readonly (string Method, double Seconds)[] Runs =
    [
        ("forward", 10), ("reverse", 10), ("markowitz", 10), ("portfolio", 10), ("exact", 10), ("exact", 60),
        ("anneal", 10), ("anneal", 60), ("mcts", 10), ("mcts", 60), ("priority", 10), ("priority-anneal", 10), ("priority-anneal", 60),
    ];

    /// <summary>The files the report writes (besides one chart per task).</summary>
    public static readonly string[] Files = ["search-report.md", "search-report.csv", "search-curves.csv"];

    public static void Run(string results, bool quick, TextWriter log)
    {
        double scale = quick ? 0.1 : 1;    // --short: every budget a tenth, for a smoke run
        string load = Elim.Testing.Machine.LoadAverage(), commit = Elim.Testing.Machine.Commit();
        var rows = new List<Row>();
        var curves = new List<CurvePoint>();
        foreach (var (task, file, alphaGrad) in Examples.All())
        {
            var graph = Examples.Load(file);
            foreach (var (method, seconds) in Runs)
            {
                var row = Measure(task, graph, method, seconds * scale, alphaGrad, curves);
                rows.Add(row);
                log.WriteLine($"{task,-18} {row.Label,-10} cost {row.Cost,6}  bound {row.LowerBound,6}  {(row.Proven ? "proven " : "")}{row.Seconds,6:F1} s");
            }
        }
        File.WriteAllText(Path.Combine(results, "search-report.csv"), Csv(rows));
        File.WriteAllText(Path.Combine(results, "search-curves.csv"), CurvesCsv(curves));
        var references = rows.GroupBy(r => r.Task).ToDictionary(g => g.Key,
            g => (g.First().AlphaGrad, g.Max(r => r.LowerBound), g.First(r => r.Label == "portfolio").Cost));
        var charts = CostCurveChart.TryWrite(curves, references, results, log);
        File.WriteAllText(Path.Combine(results, "search-report.md"), Markdown(rows, charts, scale, load, commit));
        log.WriteLine($"wrote {results}/search-report.md, search-report.csv, search-curves.csv and {charts.Count} chart(s)");
    }

    private static Row Measure(string task, ComputationalGraph graph, string method, double seconds, long? alphaGrad, List<CurvePoint> curves)
    {
        string label = method is "anneal" or "mcts" or "exact" or "priority-anneal" ? $"{method}-{seconds:0.#}s" : method;
        var progress = new Recorder(task, label);
        var clock = Stopwatch.StartNew();
        var result = SearchMethods.Create(method).Search(graph, SearchBudget.OfTime(TimeSpan.FromSeconds(seconds)), Seed, progress, CancellationToken.None);
        clock.Stop();
        if (MarkowitzCost.Of(graph, result.Order) != result.Cost)
            throw new InvalidOperationException($"{task} {label}: the reported cost {result.Cost} is not the order's cost.");
        curves.AddRange(progress.Points);
        curves.Add(new CurvePoint(task, label, clock.Elapsed.TotalSeconds, result.Cost));
        return new Row(task, graph.VertexCount, graph.EliminableVertices.Count, label, result.Cost, result.LowerBound, result.ProvenOptimal,
            clock.Elapsed.TotalSeconds, result.Evaluations, alphaGrad);
    }

    private static string Markdown(List<Row> rows, IReadOnlyList<string> charts, double scale, string load, string commit)
    {
        var md = new StringBuilder();
        md.AppendLine("# Search report");
        md.AppendLine();
        md.AppendLine($"Generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC at {commit} by `dotnet run -c Release --project perf/Search -- report --out DIR{(scale < 1 ? " --short" : "")}`, " +
            $"seed {Seed}, Markowitz cost (the paper's metric), {Environment.ProcessorCount} core{(Environment.ProcessorCount == 1 ? "" : "s")} available to it, one search at a time; " +
            $"load average at the start: {load} (other work on the machine takes time from the time-limited runs).");
        md.AppendLine();
        md.AppendLine("Lower bound: the best a run reported: the admissible connectivity bound Σ cin(k)·cout(k) (node-disjoint " +
            "paths from the independents to k and from k to the dependents; `src/Search/Exact/ConnectivityBound.cs`), exact " +
            "search's group-cut bound (`src/Search/Exact/GroupCutBound.cs`), or the optimum where exact search finished. " +
            "Where a method's cost meets it, the order is proven optimal.");
        md.AppendLine();
        md.AppendLine("## Best order within 60 s against AlphaGrad");
        md.AppendLine();
        md.AppendLine("| task | eliminable | forward | reverse | min. Markowitz | priority (greedy) | AlphaGrad best | best ≤ 60 s | by | lower bound | gap to bound |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        foreach (var task in rows.GroupBy(r => r.Task))
        {
            var best = task.MinBy(r => r.Cost)!;
            long bound = task.Max(r => r.LowerBound);
            md.AppendLine($"| {task.Key} | {best.Eliminable} | {Cost(task, "forward")} | {Cost(task, "reverse")} | {Cost(task, "markowitz")} | {Cost(task, "priority")} | " +
                $"{best.AlphaGrad?.ToString(CultureInfo.InvariantCulture) ?? "–"} | **{best.Cost}** | {best.Label} | {bound} | " +
                $"{(best.Cost == bound ? "0 (optimal)" : $"{best.Cost - bound} ({100.0 * (best.Cost - bound) / best.Cost:F1}%)")} |");
        }
        md.AppendLine();
        md.AppendLine("## Every run");
        md.AppendLine();
        md.AppendLine("| task | method | cost | lower bound | proven | seconds | evaluations |");
        md.AppendLine("|---|---|---:|---:|:---:|---:|---:|");
        foreach (var row in rows)
        {
            md.AppendLine($"| {row.Task} | {row.Label} | {row.Cost} | {row.LowerBound} | {(row.Proven ? "yes" : "")} | {row.Seconds:F1} | {row.Evaluations:N0} |");
        }
        md.AppendLine();
        md.AppendLine("Evaluations: heuristic plays for the heuristics and the portfolio, search-tree nodes for exact, " +
            "moves tried for anneal, simulations for MCTS. Exact, anneal and MCTS start from the portfolio's best order, " +
            "priority-anneal from the cheaper of that and the priority network's greedy order (`docs/priority.md`); they stop " +
            "early once it meets the lower bound.");
        md.AppendLine();
        md.AppendLine("## Best cost against time");
        md.AppendLine();
        if (charts.Count == 0) md.AppendLine("No charts were drawn (see the log); the points are in `search-curves.csv`.");
        foreach (string chart in charts) md.AppendLine($"![{chart}]({chart})");
        return md.ToString();
    }

    private static string Cost(IEnumerable<Row> rows, string label) =>
        rows.First(r => r.Label == label).Cost.ToString(CultureInfo.InvariantCulture);

    private static string Csv(List<Row> rows)
    {
        var csv = new StringBuilder("task,vertices,eliminable,method,cost,lower_bound,proven_optimal,seconds,evaluations,alphagrad_best\n");
        foreach (var r in rows)
        {
            csv.AppendLine(string.Join(',', r.Task, r.Vertices, r.Eliminable, r.Label, r.Cost, r.LowerBound, r.Proven ? "true" : "false",
                r.Seconds.ToString("F2", CultureInfo.InvariantCulture), r.Evaluations, r.AlphaGrad?.ToString(CultureInfo.InvariantCulture) ?? ""));
        }
        return csv.ToString();
    }

    private static string CurvesCsv(List<CurvePoint> points)
    {
        var csv = new StringBuilder("task,method,seconds,best_cost\n");
        foreach (var p in points) csv.AppendLine(string.Join(',', p.Task, p.Method, p.Seconds.ToString("F3", CultureInfo.InvariantCulture), p.Cost));
        return csv.ToString();
    }

    private sealed record Row(string Task, int Vertices, int Eliminable, string Label, long Cost, long LowerBound, bool Proven,
        double Seconds, long Evaluations, long? AlphaGrad);

    /// <summary>Collects every improvement as it is reported (synchronously, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class Recorder(string task, string method) : IProgress<SearchProgress>
    {
        public List<CurvePoint> Points { get; } = [];

        public void Report(SearchProgress value)
        {
            lock (Points)
            {
                if (Points.Count == 0 || value.BestCost < Points[^1].Cost)
                    Points.Add(new CurvePoint(task, method, value.Elapsed.TotalSeconds, value.BestCost));
            }
        }
    }
}

/// <summary>The best cost a run had found at a moment.</summary>
internal sealed record CurvePoint(string Task, string Method, double Seconds, long Cost);
