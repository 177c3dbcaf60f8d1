using Elim.Search.Agent.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace Elim.Search.Agent.Network;

/// <summary>
/// Observations padded to a common node count and stacked: features [B, N, F], dense mean-aggregation
/// matrices over predecessors and successors [B, N, N], the legal mask [B, N] and globals [B, G].
/// Padding rows have no edges and are never legal. Dispose it (or create it in a dispose scope).
/// </summary>
public sealed class GraphBatch : IDisposable
{
    private GraphBatch(Tensor features, Tensor predecessorMean, Tensor successorMean, Tensor legal, Tensor globals, int nodes)
    {
        Features = features;
        PredecessorMean = predecessorMean;
        SuccessorMean = successorMean;
        Legal = legal;
        Globals = globals;
        NodeCount = nodes;
    }

    /// <summary>[B, N, F] node features.</summary>
    public Tensor Features { get; }

    /// <summary>[B, N, N]: row j averages over the predecessors of node j.</summary>
    public Tensor PredecessorMean { get; }

    /// <summary>[B, N, N]: row i averages over the successors of node i.</summary>
    public Tensor SuccessorMean { get; }

    /// <summary>[B, N] true where a vertex may be eliminated.</summary>
    public Tensor Legal { get; }

    /// <summary>[B, G] graph-wide numbers.</summary>
    public Tensor Globals { get; }

    /// <summary>N, the padded node count.</summary>
    public int NodeCount { get; }

    /// <summary>Stacks <paramref name="observations"/> (at least one).</summary>
    public static GraphBatch Of(IReadOnlyList<GraphObservation> observations)
    {
        int b = observations.Count;
        int n = observations.Max(o => o.NodeCount);
        const int f = GraphFeatures.FeatureCount, g = GraphFeatures.GlobalCount;
        var x = new float[b * n * f];
        var pred = new float[b * n * n];
        var succ = new float[b * n * n];
        var legal = new bool[b * n];
        var globals = new float[b * g];
        for (int s = 0; s < b; s++)
        {
            var o = observations[s];
            Array.Copy(o.Features, 0, x, s * n * f, o.Features.Length);
            Array.Copy(o.Legal, 0, legal, s * n, o.NodeCount);
            Array.Copy(o.Globals, 0, globals, s * g, g);
            var inDegree = new int[o.NodeCount];
            var outDegree = new int[o.NodeCount];
            for (int e = 0; e < o.EdgeSources.Length; e++) { inDegree[o.EdgeTargets[e]]++; outDegree[o.EdgeSources[e]]++; }
            int offset = s * n * n;
            for (int e = 0; e < o.EdgeSources.Length; e++)
            {
                int i = o.EdgeSources[e], j = o.EdgeTargets[e];
                pred[offset + j * n + i] = 1f / inDegree[j];
                succ[offset + i * n + j] = 1f / outDegree[i];
            }
        }
        return new GraphBatch(
            tensor(x, [b, n, f]), tensor(pred, [b, n, n]), tensor(succ, [b, n, n]),
            tensor(legal, [b, n]), tensor(globals, [b, g]), n);
    }

    /// <summary>Moves the tensors out of the current dispose scope (for batches that outlive it).</summary>
    public GraphBatch MoveToOuterScope()
    {
        foreach (var t in Tensors) t.MoveToOuterDisposeScope();
        return this;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var t in Tensors) t.Dispose();
    }

    private Tensor[] Tensors => [Features, PredecessorMean, SuccessorMean, Legal, Globals];
}
