using System.Collections;
using Elim.Graph;

namespace Elim.Search.Heuristics;

/// <summary>Which independents reach each vertex and which dependents it reaches (unchanged by elimination).</summary>
internal static class Reachability
{
    /// <summary>Per vertex id (index 0 unused): #independents reaching it × #dependents it reaches.</summary>
    public static long[] IndependentsTimesDependents(ComputationalGraph graph)
    {
        int n = graph.InputCount;
        var fromInputs = new BitArray[graph.NodeCount];
        for (int node = 0; node < graph.NodeCount; node++)
        {
            fromInputs[node] = new BitArray(n);
            if (node < n) fromInputs[node][node] = true;
            foreach (int p in graph.Predecessors(node)) fromInputs[node].Or(fromInputs[p]);
        }
        var toOutputs = new BitArray[graph.NodeCount];
        for (int node = 0; node < graph.NodeCount; node++) toOutputs[node] = new BitArray(graph.OutputCount);
        for (int o = 0; o < graph.OutputCount; o++) toOutputs[graph.NodeOf(graph.Outputs[o].VertexId)][o] = true;
        for (int node = graph.NodeCount - 1; node >= 0; node--)
        {
            foreach (int s in graph.Successors(node)) toOutputs[node].Or(toOutputs[s]);
        }
        var product = new long[graph.VertexCount + 1];
        for (int id = 1; id <= graph.VertexCount; id++)
        {
            int node = graph.NodeOf(id);
            product[id] = (long)Count(fromInputs[node]) * Count(toOutputs[node]);
        }
        return product;
    }

    private static int Count(BitArray bits)
    {
        int count = 0;
        foreach (bool bit in bits) if (bit) count++;
        return count;
    }
}
