using System.Diagnostics;
using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Search.Perf;

/// <summary>
/// Orders on big graphs: for random programs of the given sizes, the seconds each classical order, its
/// Markowitz cost and each named search method (with a time budget) take in this process, one after another:
/// wall-clock time, and processor time (the fairer figure on a shared machine; it adds up all threads).
/// </summary>
internal static class ScaleOrders
{
    public static void Run(IEnumerable<int> statementCounts, TimeSpan budget, IReadOnlyList<string> methods, TextWriter output)
    {
        output.WriteLine("| statements | eliminable | step | seconds | processor seconds | result |");
        output.WriteLine("|---:|---:|---|---:|---:|---|");
        foreach (int statements in statementCounts)
        {
            var clock = Stopwatch.StartNew();
            var processor = Process.GetCurrentProcess().TotalProcessorTime;
            var graph = ElimFrontend.Lower(ElimFrontend.Parse(RandomBigPrograms.Generate(statements, seed: 1), "big.elim"));
            void Row(string step, string result)
            {
                var used = Process.GetCurrentProcess().TotalProcessorTime - processor;
                output.WriteLine($"| {statements} | {graph.EliminableVertices.Count} | {step} | {clock.Elapsed.TotalSeconds:F2} | {used.TotalSeconds:F2} | {result} |");
            }
            void Restart()
            {
                clock.Restart();
                processor = Process.GetCurrentProcess().TotalProcessorTime;
            }
            Row("parse + lower", $"{graph.VertexCount} vertices");
            foreach (string name in new[] { "forward", "reverse", "markowitz" })
            {
                Restart();
                var order = StandardOrders.ByName(graph, name)!;
                Row($"{name} order", "");
                Restart();
                long cost = MarkowitzCost.Of(graph, order);
                Row($"{name} cost", cost.ToString());
            }
            foreach (string method in methods)
            {
                Restart();
                string result;
                try
                {
                    var found = SearchMethods.Create(method).Search(graph, SearchBudget.OfTime(budget), 1, null, CancellationToken.None);
                    result = $"{found.Cost} ({found.Evaluations} evaluations){string.Concat(found.Notes.Select(n => "; " + n))}";
                }
                catch (SearchUnavailableException e) { result = e.Message; }
                Row($"search {method} ({budget.TotalSeconds:F0} s)", result);
            }
            output.WriteLine($"peak working set so far: {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MB");
        }
    }
}
