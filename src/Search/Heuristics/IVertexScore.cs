using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>One criterion of a greedy heuristic: a score per remaining vertex, lower is better.</summary>
internal interface IVertexScore
{
    /// <summary>Prepares for a run on <paramref name="game"/> (for scores that precompute per graph).</summary>
    void Prepare(EliminationGame game);

    /// <summary>The score of eliminating <paramref name="vertexId"/> next; may eliminate and undo on <paramref name="game"/>.</summary>
    long Score(EliminationGame game, int vertexId);
}
