using Elim.Search.Game;
using Elim.Search.Heuristics;

namespace Elim.Search.Agent.Priority;

/// <summary>
/// The priority network as a greedy heuristic's criterion. Its features read the vertex's neighbours' edges
/// (fill-in, degree change), so it has reach 2: the greedy player rescores the neighbours' neighbours after a step.
/// </summary>
internal sealed class PriorityScore(PriorityNetwork network) : IVertexScore
{
    // Priorities are compared as integers: 2⁻³² resolves differences far below what the network's weights mean.
    private const double Resolution = 4_294_967_296.0;

    private readonly float[] _features = new float[PriorityFeatures.Count];
    private PriorityFeatures? _graph;

    public int Reach => 2;

    public void Prepare(EliminationGame game) => _graph = new PriorityFeatures(game.Graph);

    public long Score(EliminationGame game, int vertexId)
    {
        _graph!.Write(game, vertexId, _features);
        return (long)Math.Round(network.Evaluate(_features) * Resolution);
    }

    /// <summary>The greedy heuristic that eliminates the vertex of lowest priority next (ties to the lowest id).</summary>
    public static IHeuristic Heuristic(string name, PriorityNetwork network) =>
        new GreedyHeuristic(name, highestIdWins: false, () => new PriorityScore(network));
}
