using Elim.Graph;
using Elim.Search.Game;
using Elim.Search.Heuristics;

namespace Elim.Search.Agent.Priority;

/// <summary>
/// What the priority network reads about one remaining vertex: where it sits in the graph (its id relative to the
/// last, which is how forward and reverse mode see it; how many independents reach it and dependents it reaches,
/// relative to all; whether it is an output), and what eliminating it now would do (|P|, |S|, the Markowitz degree,
/// VLR's score, the fill-in and the change of its neighbours' degrees). Then four numbers about the whole graph
/// (inputs, outputs, eliminable vertices, edges per vertex), so that one network can play gradients like reverse
/// mode and wide Jacobians otherwise. Everything but the position is log-scaled, so one network serves small and
/// large graphs. A vertex's features change only when a neighbour is eliminated, or a neighbour's neighbour
/// (fill-in, degree change): the greedy player rescores just those.
/// </summary>
internal sealed class PriorityFeatures
{
    /// <summary>Features per vertex: the vertex's own, then the graph's.</summary>
    public const int Count = VertexCount + GraphCount;

    /// <summary>Where the log Markowitz degree is among the features.</summary>
    public const int MarkowitzIndex = 6;

    private const int VertexCount = 10;
    private const int GraphCount = 4;

    private readonly int _maxId;
    private readonly float[] _independents;
    private readonly float[] _dependents;
    private readonly long[] _reachProducts;
    private readonly float[] _graphFeatures;

    public PriorityFeatures(ComputationalGraph graph)
    {
        _maxId = Math.Max(1, graph.VertexCount);
        var (independents, dependents) = Reachability.PerNode(graph);
        float inputScale = 1 / MathF.Log(1 + graph.InputCount), outputScale = 1 / MathF.Log(1 + graph.OutputCount);
        _independents = Array.ConvertAll(independents, count => MathF.Log(1 + count) * inputScale);
        _dependents = Array.ConvertAll(dependents, count => MathF.Log(1 + count) * outputScale);
        _reachProducts = Reachability.IndependentsTimesDependents(graph);
        long edges = Enumerable.Range(0, graph.NodeCount).Sum(node => (long)graph.Successors(node).Count);
        _graphFeatures =
        [
            MathF.Log(1 + graph.InputCount), MathF.Log(1 + graph.OutputCount), MathF.Log(1 + graph.EliminableVertices.Count),
            MathF.Log((1 + edges) / (float)(1 + graph.NodeCount)),
        ];
    }

    /// <summary>Writes the features of eliminating <paramref name="vertexId"/> now into <paramref name="into"/> (length <see cref="Count"/>).</summary>
    public void Write(EliminationGame game, int vertexId, Span<float> into)
    {
        int node = game.Graph.NodeOf(vertexId);
        long markowitz = game.MarkowitzDegree(vertexId);
        into[0] = vertexId / (float)_maxId;
        into[1] = _independents[node];
        into[2] = _dependents[node];
        into[3] = game.Graph.IsOutput(vertexId) ? 1 : 0;
        into[4] = MathF.Log(1 + game.PredecessorCount(vertexId));
        into[5] = MathF.Log(1 + game.SuccessorCount(vertexId));
        into[MarkowitzIndex] = MathF.Log(1 + markowitz);
        into[7] = SignedLog(markowitz - _reachProducts[vertexId]);
        var (fillIn, degreeChange) = game.FillInAndNeighbourDegreeChange(vertexId);
        into[8] = MathF.Log(1 + fillIn);
        into[9] = SignedLog(degreeChange);
        _graphFeatures.CopyTo(into[VertexCount..]);
    }

    private static float SignedLog(long value) => MathF.Sign(value) * MathF.Log(1 + Math.Abs(value));
}
