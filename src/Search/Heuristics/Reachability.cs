using System.Numerics;
using System.Runtime.CompilerServices;
using Elim.Graph;

namespace Elim.Search.Heuristics;

/// <summary>
/// Which independents reach each vertex and which dependents it reaches (unchanged by elimination), and what follows
/// from them: VLR's score, the Markowitz cost of forward and reverse mode without playing them, and whether every vertex
/// reaches a dependent.
/// </summary>
internal static class Reachability
{
    // Computed once per graph: VLR and its reverse tie-break both score with it, the portfolio prices the fixed orders
    // with it, and at 10⁵ vertices it is a second's work.
    private static readonly ConditionalWeakTable<ComputationalGraph, Counts> PerGraph = new();

    /// <summary>Per node: how many independents reach it and how many dependents it reaches (itself included).</summary>
    public static (int[] Independents, int[] Dependents) PerNode(ComputationalGraph graph)
    {
        var counts = Of(graph);
        return (counts.Independents, counts.Dependents);
    }

    /// <summary>Per vertex id (index 0 unused): #independents reaching it × #dependents it reaches.</summary>
    public static long[] IndependentsTimesDependents(ComputationalGraph graph) => Of(graph).Products;

    /// <summary>
    /// The Markowitz cost of forward mode (ascending ids). When a vertex goes, every eliminable vertex before it has
    /// gone, so its predecessors are the independents that reach it, and its successors are still its own (a new
    /// successor would come from eliminating one of them, later in the order): the cost is Σ #independents·|S|.
    /// </summary>
    public static long ForwardCost(ComputationalGraph graph)
    {
        var counts = Of(graph);
        return graph.EliminableVertices.Sum(id => (long)counts.Independents[graph.NodeOf(id)] * graph.Successors(graph.NodeOf(id)).Count);
    }

    /// <summary>
    /// The Markowitz cost of reverse mode (descending ids): the mirror image, Σ #dependents·|P|, where a vertex's
    /// successors when it goes are the dependents it reaches (an eliminated dependent keeps its in-edges), itself not
    /// among them. Null where a vertex is two outputs: the counts take it twice, the game once.
    /// </summary>
    public static long? ReverseCost(ComputationalGraph graph)
    {
        if (graph.Outputs.Select(o => o.VertexId).Distinct().Count() < graph.OutputCount) return null;
        var counts = Of(graph);
        return graph.EliminableVertices.Sum(id =>
        {
            int node = graph.NodeOf(id);
            return (long)(counts.Dependents[node] - (graph.IsOutput(id) ? 1 : 0)) * graph.Predecessors(node).Count;
        });
    }

    /// <summary>Whether every eliminable vertex reaches a dependent (what exact search's <c>SafeStep</c> needs).</summary>
    public static bool EveryVertexReachesADependent(ComputationalGraph graph)
    {
        var dependents = Of(graph).Dependents;
        return graph.EliminableVertices.All(id => dependents[graph.NodeOf(id)] > 0);
    }

    private static Counts Of(ComputationalGraph graph) => PerGraph.GetValue(graph, Compute);

    private static Counts Compute(ComputationalGraph graph)
    {
        var inputNodes = Enumerable.Range(0, graph.InputCount);
        var outputNodes = graph.Outputs.Select(output => graph.NodeOf(output.VertexId));
        var independents = Reached(graph, inputNodes, towardOutputs: true);
        var dependents = Reached(graph, outputNodes, towardOutputs: false);
        var products = new long[graph.VertexCount + 1];
        for (int id = 1; id <= graph.VertexCount; id++)
        {
            int node = graph.NodeOf(id);
            products[id] = (long)independents[node] * dependents[node];
        }
        return new Counts(independents, dependents, products);
    }

    /// <summary>
    /// Per node, how many of <paramref name="seeds"/> it is reached from (along the edges) or reaches (against them),
    /// itself included: bit sets of the seeds, one row of 64-bit words per node, each the union of its neighbours' rows.
    /// </summary>
    private static int[] Reached(ComputationalGraph graph, IEnumerable<int> seeds, bool towardOutputs)
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

    /// <summary>Per node: independents reaching it and dependents it reaches (itself included); per vertex id their product.</summary>
    private sealed record Counts(int[] Independents, int[] Dependents, long[] Products);
}
