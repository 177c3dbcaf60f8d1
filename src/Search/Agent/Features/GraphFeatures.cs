using System.Numerics;
using System.Runtime.CompilerServices;
using Elim.Search.Game;

namespace Elim.Search.Agent.Features;

/// <summary>
/// Size-independent features of every node of a game's current graph: kind flags, |P|, |S|, the Markowitz
/// degree (absolute, relative to the largest legal one, and whether it is the smallest), fill-in, the
/// VLR score (Markowitz degree minus independents reaching × dependents reached), depth and height
/// relative to the graph's, and how many independents reach and dependents are reached. Counts are
/// log-scaled so one network serves small and large graphs.
/// </summary>
public static class GraphFeatures
{
    /// <summary>Features per node.</summary>
    public const int FeatureCount = 17;

    /// <summary>Graph-wide numbers: log remaining count, log total legal Markowitz degree, log edge count, log node count.</summary>
    public const int GlobalCount = 4;

    /// <summary>Reads the current state of <paramref name="game"/> (which it does not change).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // called once per step of short greedy runs
    public static GraphObservation Observe(EliminationGame game)
    {
        var graph = game.Graph;
        int n = graph.NodeCount, inputs = graph.InputCount;
        var (sources, targets) = CurrentEdges.Of(game);
        var reach = ReachCounts.Of(game, sources, targets);

        var legal = new bool[n];
        var vertexOfNode = new int[n];
        long minLegal = long.MaxValue, maxLegal = 0, sumLegal = 0;
        foreach (int id in game.Remaining)
        {
            long degree = game.MarkowitzDegree(id);
            legal[graph.NodeOf(id)] = true;
            minLegal = Math.Min(minLegal, degree);
            maxLegal = Math.Max(maxLegal, degree);
            sumLegal += degree;
        }
        int maxDepth = Math.Max(1, reach.Depth.Max()), maxHeight = Math.Max(1, reach.Height.Max());

        var x = new float[n * FeatureCount];
        for (int node = 0; node < n; node++)
        {
            int id = game.VertexIdOf(node);
            vertexOfNode[node] = id;
            var row = x.AsSpan(node * FeatureCount, FeatureCount);
            bool isInput = id == 0;
            row[0] = isInput ? 1 : 0;
            row[1] = !isInput && graph.IsOutput(id) ? 1 : 0;
            row[2] = legal[node] ? 1 : 0;
            row[3] = !isInput && game.IsEliminated(id) ? 1 : 0;
            row[11] = reach.Depth[node] / (float)maxDepth;
            row[12] = reach.Height[node] / (float)maxHeight;
            row[13] = Log(reach.InputsReaching[node]);
            row[14] = Log(reach.OutputsReached[node]);
            row[15] = reach.InputsReaching[node] / (float)inputs;
            row[16] = reach.OutputsReached[node] / (float)graph.OutputCount;
            if (isInput)
            {
                row[5] = Log(reach.InputSuccessors[node]);
                continue;
            }
            long degree = game.MarkowitzDegree(id);
            row[4] = Log(game.PredecessorCount(id));
            row[5] = Log(game.SuccessorCount(id));
            row[6] = Log(degree);
            if (!legal[node]) continue;
            row[7] = maxLegal > 0 ? degree / (float)maxLegal : 0;
            row[8] = degree == minLegal ? 1 : 0;
            row[9] = Log(game.FillIn(id));
            row[10] = SignedLog(degree - (long)reach.InputsReaching[node] * reach.OutputsReached[node]);
        }
        float[] globals = [Log(game.RemainingCount), Log(sumLegal), Log(sources.Length), Log(n)];
        return new GraphObservation(n, x, sources, targets, legal, globals, vertexOfNode);
    }

    private static float Log(long value) => MathF.Log(1 + value);

    private static float SignedLog(long value) => MathF.Sign(value) * MathF.Log(1 + Math.Abs(value));
}

/// <summary>Per node of the current graph: longest paths from the sources and to the sinks, and reachability counts.</summary>
internal sealed record ReachCounts(int[] Depth, int[] Height, int[] InputsReaching, int[] OutputsReached, int[] InputSuccessors)
{
    /// <summary>Computes them over the edges (grouped by target in node order, so sources come before targets).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReachCounts Of(EliminationGame game, int[] sources, int[] targets)
    {
        var graph = game.Graph;
        int n = graph.NodeCount;
        int inWords = (graph.InputCount + 63) >> 6, outWords = (graph.OutputCount + 63) >> 6;
        var fromInputs = new ulong[n * inWords];
        var toOutputs = new ulong[n * outWords];
        var depth = new int[n];
        var height = new int[n];
        var inputSuccessors = new int[n];
        for (int i = 0; i < graph.InputCount; i++) fromInputs[i * inWords + (i >> 6)] |= 1UL << (i & 63);
        for (int o = 0; o < graph.OutputCount; o++)
        {
            int node = graph.NodeOf(graph.Outputs[o].VertexId);
            toOutputs[node * outWords + (o >> 6)] |= 1UL << (o & 63);
        }
        for (int e = 0; e < sources.Length; e++)
        {
            int s = sources[e], t = targets[e];
            depth[t] = Math.Max(depth[t], depth[s] + 1);
            for (int w = 0; w < inWords; w++) fromInputs[t * inWords + w] |= fromInputs[s * inWords + w];
            if (s < graph.InputCount) inputSuccessors[s]++;
        }
        // Targets ascend with e, so walking the edges backwards visits every successor before its predecessors.
        for (int e = sources.Length - 1; e >= 0; e--)
        {
            int s = sources[e], t = targets[e];
            height[s] = Math.Max(height[s], height[t] + 1);
            for (int w = 0; w < outWords; w++) toOutputs[s * outWords + w] |= toOutputs[t * outWords + w];
        }
        var inputsReaching = new int[n];
        var outputsReached = new int[n];
        for (int node = 0; node < n; node++)
        {
            for (int w = 0; w < inWords; w++) inputsReaching[node] += BitOperations.PopCount(fromInputs[node * inWords + w]);
            for (int w = 0; w < outWords; w++) outputsReached[node] += BitOperations.PopCount(toOutputs[node * outWords + w]);
        }
        return new ReachCounts(depth, height, inputsReaching, outputsReached, inputSuccessors);
    }
}
