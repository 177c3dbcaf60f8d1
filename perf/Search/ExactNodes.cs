using System.Diagnostics;
using Elim.Search.Exact;
using Elim.Testing;

namespace Elim.Search.Perf;

/// <summary>Exact search on random graphs of a given size, 20 s each: whether it proves the optimum, in how many nodes and how long.</summary>
internal static class ExactNodes
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    public static void Run(int vertices, int graphs, TextWriter output)
    {
        long totalNodes = 0;
        var total = TimeSpan.Zero;
        int unproven = 0;
        for (int seed = 1; seed <= graphs; seed++)
        {
            var graph = RandomGraphs.Create(seed, 2 + seed % 4, vertices);
            var clock = Stopwatch.StartNew();
            var result = new BranchAndBound(CostModel.Markowitz).Search(graph, SearchBudget.OfTime(Budget), 0, null, CancellationToken.None);
            totalNodes += result.Evaluations;
            total += clock.Elapsed;
            if (!result.ProvenOptimal) unproven++;
            output.WriteLine($"seed {seed}: {graph.EliminableVertices.Count} eliminable, cost {result.Cost}, bound {result.LowerBound}, " +
                $"proven {result.ProvenOptimal}, {result.Evaluations:N0} nodes, {clock.Elapsed.TotalSeconds:F2} s");
        }
        output.WriteLine($"total {totalNodes:N0} nodes, {total.TotalSeconds:F1} s, {unproven} not proven");
    }
}
