using System.Diagnostics;
using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Search.Perf;

/// <summary>
/// Orders on big graphs: for random programs of the given sizes, the seconds each classical order, its
/// Markowitz cost and each named search method (with a time budget) take in this process, one after another.
/// </summary>
internal static class ScaleOrders
{
    public static void Run(IEnumerable<int> statementCounts, TimeSpan budget, IReadOnlyList<string> methods, TextWriter output)
    {
        output.WriteLine("| statements | eliminable | step | seconds | result |");
        output.WriteLine("|---:|---:|---|---:|---|");
        foreach (int statements in statementCounts)
        {
            var clock = Stopwatch.StartNew();
            var graph = ElimFrontend.Lower(ElimFrontend.Parse(RandomBigPrograms.Generate(statements, seed: 1), "big.elim"));
            void Row(string step, string result) =>
                output.WriteLine($"| {statements} | {graph.EliminableVertices.Count} | {step} | {clock.Elapsed.TotalSeconds:F2} | {result} |");
            Row("parse + lower", $"{graph.VertexCount} vertices");
            foreach (string name in new[] { "forward", "reverse", "markowitz" })
            {
                clock.Restart();
                var order = StandardOrders.ByName(graph, name)!;
                Row($"{name} order", "");
                clock.Restart();
                long cost = MarkowitzCost.Of(graph, order);
                Row($"{name} cost", cost.ToString());
            }
            foreach (string method in methods)
            {
                clock.Restart();
                string result;
                try
                {
                    var found = SearchMethods.Create(method).Search(graph, SearchBudget.OfTime(budget), 1, null, CancellationToken.None);
                    result = $"{found.Cost} ({found.Evaluations} evaluations)";
                }
                catch (Exception e) when (e is InvalidOperationException or NotSupportedException) { result = e.Message; }
                Row($"search {method} ({budget.TotalSeconds:F0} s)", result);
            }
            output.WriteLine($"peak working set so far: {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MB");
        }
    }
}
