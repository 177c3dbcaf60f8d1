using Elim.Search.Game;
using Elim.Search.Heuristics;

namespace Elim.Search.Exact;

/// <summary>
/// A step branch and bound need not branch on (Markowitz model): a vertex v that is not an output, has one
/// successor s (or one predecessor p) and makes no fill-in, so P(v) ⊆ P(s) (or S(v) ⊆ S(p)). Some cheapest way to
/// finish eliminates it next.
/// <para>
/// Why. Every path through v runs p'→v→s with p' in P(v) (or p→v→s' with s' in S(v)), and the edge p'→s (p→s')
/// already exists, so after any further set Z of eliminations the graph with v also eliminated is the graph without
/// v eliminated minus the node v: eliminating v first changes no later graph except by deleting v, and a step's
/// |P|·|S| only shrinks when a neighbour is deleted. Take any order from here that eliminates v after Z. Moved to the
/// front, v costs |P(v)| (or |S(v)|) now instead of |P_Z(v)|·|S_Z(v)| then. The predecessors of v still there are
/// still its predecessors then, so |P_Z(v)| ≥ |P(v)| − k, with k the predecessors of v in Z; each of those had v as
/// a successor when it was eliminated and has at least one predecessor (every vertex hangs from an input), so the
/// moved order saves at least 1 there, k in all. The one-predecessor case is the mirror image, saving at least 1 per
/// successor of v in Z; that needs every vertex to reach an output, and so does |S_Z(v)| ≥ 1 in the first case, so
/// on a graph with a vertex that reaches none the rule is off.
/// </para>
/// </summary>
internal sealed class SafeStep(EliminationGame game)
{
    // The rule needs every vertex to reach an output (see above); which do is fixed by the graph.
    private readonly bool _applies = game.CostModel == CostModel.Markowitz && Reachability.EveryVertexReachesADependent(game.Graph);

    /// <summary>The lowest id of a remaining vertex of the game that is safe to eliminate next, or 0.</summary>
    public int Find()
    {
        if (!_applies) return 0;
        int found = 0;
        foreach (int id in game.Remaining)
        {
            if ((found == 0 || id < found) && !game.Graph.IsOutput(id)
                && (game.PredecessorCount(id) == 1 || game.SuccessorCount(id) == 1) && game.FillIn(id) == 0) found = id;
        }
        return found;
    }
}
