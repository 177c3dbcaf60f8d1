using System.Numerics;
using System.Runtime.CompilerServices;
using Elim.Graph;

namespace Elim.Search.Heuristics;

/// <summary>Which independents reach each vertex and which dependents it reaches (unchanged by elimination).</summary>
internal static class Reachability
{
    // Computed once per graph: VLR and its reverse tie-break both score with it, and at 10⁵ vertices it is a second's work.
    private static readonly ConditionalWeakTable<ComputationalGraph, long[]> Products = new();

    /// <summary>Per vertex id (index 0 unused): #independents reaching it × #dependents it reaches.</summary>
    public static long[] IndependentsTimesDependents(ComputationalGraph graph) => Products.GetValue(graph, Compute);

    private static long[] Compute(ComputationalGraph graph)
    {
        var inputNodes = Enumerable.Range(0, graph.InputCount);
        var outputNodes = graph.Outputs.Select(output => graph.NodeOf(output.VertexId));
        var independents = Counts(graph, inputNodes, towardOutputs: true);
        var dependents = Counts(graph, outputNodes, towardOutputs: false);
        var product = new long[graph.VertexCount + 1];
        for (int id = 1; id <= graph.VertexCount; id++)
        {
            int node = graph.NodeOf(id);
            product[id] = (long)independents[node] * dependents[node];
        }
        return product;
    }

    /// <summary>
    /// Per node, how many of <paramref name="seeds"/> it is reached from (along the edges) or reaches (against them): bit
    /// sets of the seeds, one row of 64-bit words per node, each the union of its neighbours' rows.
    /// </summary>
    private static int[] Counts(ComputationalGraph graph, IEnumerable<int> seeds, bool towardOutputs)
    {
        var seedNodes = seeds.ToArray();
        int words = (seedNodes.Length + 63) / 64;
        var bits = new ulong[checked(graph.NodeCount * words)];
        for (int seed = 0; seed < seedNodes.Length; seed++) bits[seedNodes[seed] * words + seed / 64] |= 1UL << seed;
        var counts = new int[graph.NodeCount];
        for (int step = 0; step < graph.NodeCount; step++)
        {
            int node = towardOutputs ? step : graph.NodeCount - 1 - step;
            var row = bits.AsSpan(node * words, words);
            foreach (int neighbour in towardOutputs ? graph.Predecessors(node) : graph.Successors(node))
            {
                var other = bits.AsSpan(neighbour * words, words);
                for (int w = 0; w < words; w++) row[w] |= other[w];
            }
            for (int w = 0; w < words; w++) counts[node] += BitOperations.PopCount(row[w]);
        }
        return counts;
    }
}
