using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>One criterion of a greedy heuristic: a score per remaining vertex, lower is better.</summary>
internal interface IVertexScore
{
    /// <summary>
    /// How far the score looks: 1 when it reads only the vertex's own predecessor and successor counts, 2 when
    /// it also reads its neighbours' counts or the edges among its neighbours (see <see cref="Neighbourhood"/>).
    /// </summary>
    int Reach { get; }

    /// <summary>Prepares for a run on <paramref name="game"/> (for scores that precompute per graph).</summary>
    void Prepare(EliminationGame game);

    /// <summary>The score of eliminating <paramref name="vertexId"/> next; may eliminate and undo on <paramref name="game"/>.</summary>
    long Score(EliminationGame game, int vertexId);
}
