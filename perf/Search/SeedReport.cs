using System.Globalization;
using System.Text;

namespace Elim.Search.Perf;

/// <summary>
/// Agent-guided annealing against annealing over several seeds, at 10 s and 60 s, on the examples of at least 500
/// eliminable vertices or the ones named. Where the two are close, one seeded run of a time-limited search ends a few
/// multiplications either way by chance (which moves the clock lets it make), so the search report's single seed
/// cannot tell them apart.
/// </summary>
internal static class SeedReport
{
    private const int MinEliminable = 500;
    private static readonly string[] Methods = ["anneal", "priority-anneal"];
    private static readonly double[] Seconds = [10, 60];

    /// <summary>The files the report writes.</summary>
    public static readonly string[] Files = ["search-seeds.md", "search-seeds.csv"];

    public static void Run(string results, int seeds, IReadOnlyCollection<string>? tasks, TextWriter log)
    {
        string load = Elim.Testing.Machine.LoadAverage(), commit = Elim.Testing.Machine.Commit();
        var rows = new List<(string Task, double Seconds, int Seed, string Method, long Cost)>();
        foreach (var (task, file, _) in Examples.All())
        {
            if (tasks is not null && !tasks.Contains(task)) continue;
            var graph = Examples.Load(file);
            if (tasks is null && graph.EliminableVertices.Count < MinEliminable) continue;
            foreach (double seconds in Seconds)
            {
                for (int seed = 1; seed <= seeds; seed++)
                {
                    foreach (string method in Methods)   // interleaved: a drift of the machine's speed reaches both alike
                    {
                        long cost = SearchMethods.Create(method)
                            .Search(graph, SearchBudget.OfTime(TimeSpan.FromSeconds(seconds)), seed, null, CancellationToken.None).Cost;
                        rows.Add((task, seconds, seed, method, cost));
                        log.WriteLine($"{task,-10} {seconds,3} s seed {seed} {method,-16} {cost}");
                    }
                }
            }
        }
        File.WriteAllText(Path.Combine(results, "search-seeds.csv"),
            "task,seconds,seed,method,cost\n" + string.Concat(rows.Select(r => FormattableString.Invariant($"{r.Task},{r.Seconds},{r.Seed},{r.Method},{r.Cost}\n"))));
        File.WriteAllText(Path.Combine(results, "search-seeds.md"), Markdown(rows, seeds, tasks, load, commit));
        log.WriteLine($"wrote {results}/search-seeds.md and search-seeds.csv");
    }

    private static string Markdown(List<(string Task, double Seconds, int Seed, string Method, long Cost)> rows, int seeds,
        IReadOnlyCollection<string>? tasks, string load, string commit)
    {
        var md = new StringBuilder();
        md.AppendLine("# Agent-guided annealing against annealing, over seeds");
        md.AppendLine();
        string which = tasks is null ? $"every example of at least {MinEliminable} eliminable vertices" : string.Join(", ", tasks);
        md.AppendLine($"Generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC at {commit} by `dotnet run -c Release --project perf/Search -- seeds --out DIR" +
            $"{(tasks is null ? "" : " --tasks " + string.Join(',', tasks))}`: {which}, `anneal` and `priority-anneal` at {string.Join(" and ", Seconds.Select(s => $"{s} s"))}, " +
            $"seeds 1–{seeds}, the two methods interleaved; Markowitz cost; {Environment.ProcessorCount} core{(Environment.ProcessorCount == 1 ? "" : "s")} " +
            $"available; load average at the start: {load}.");
        md.AppendLine();
        md.AppendLine("| task | time | anneal, by seed | priority-anneal, by seed | anneal median (mean) | priority-anneal median (mean) | priority-anneal better / equal / worse |");
        md.AppendLine("|---|---:|---|---|---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => (r.Task, r.Seconds)))
        {
            long[] Costs(string method) => group.Where(r => r.Method == method).OrderBy(r => r.Seed).Select(r => r.Cost).ToArray();
            var (plain, guided) = (Costs(Methods[0]), Costs(Methods[1]));
            var pairs = plain.Zip(guided).ToArray();
            md.AppendLine($"| {group.Key.Task} | {group.Key.Seconds} s | {string.Join(", ", plain)} | {string.Join(", ", guided)} | " +
                $"{Summary(plain)} | {Summary(guided)} | {pairs.Count(p => p.Second < p.First)} / {pairs.Count(p => p.Second == p.First)} / {pairs.Count(p => p.Second > p.First)} |");
        }
        return md.ToString();
    }

    private static string Summary(long[] costs)
    {
        var sorted = costs.Order().ToArray();
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2.0;
        return string.Create(CultureInfo.InvariantCulture, $"{median:0.#} ({costs.Average():0.#})");
    }
}
