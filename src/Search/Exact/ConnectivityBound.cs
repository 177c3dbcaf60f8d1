using Elim.Graph;
using Elim.Search.Game;

namespace Elim.Search.Exact;

/// <summary>
/// An admissible lower bound on the cost of eliminating the remaining vertices (Markowitz model):
/// the sum over them of cin(k)·cout(k), where cin(k) is the number of node-disjoint paths from the
/// independents to k and cout(k) the number of node-disjoint paths from k to the other dependents.
/// <para>
/// Why it is admissible. (1) Elimination keeps paths: eliminating k replaces every path i→k→j by the edge
/// i→j, and an eliminated output keeps its in-edges but has no out-edges, so between nodes still present
/// a path exists after a step whenever one existed before, and its nodes are a subset of the old path's.
/// (2) So when k is finally eliminated, every path from an independent to k enters k through its current
/// predecessor set P(k): P(k) is a node cut between the independents and k in that graph, and by (1) also
/// in the original graph (a path avoiding the cut there would map to a path avoiding it then). By Menger,
/// |P(k)| ≥ cin(k); likewise |S(k)| ≥ cout(k). (3) Every remaining vertex is eliminated exactly once, so
/// the total cost is at least Σ cin(k)·cout(k). Both counts are measured in the original graph, so one
/// table serves every state. The emitted model makes ±1 products free, so there the bound is 0.
/// Each vertex's term costs a few max-flow searches over the whole graph, so on a big graph the table may be
/// cut short when time runs out: the vertices not reached count 0, which keeps the bound admissible.
/// </para>
/// </summary>
internal sealed class ConnectivityBound
{
    /// <summary>
    /// The most eliminable vertices on which a portfolio computes the bound: its max-flow searches cover the whole
    /// graph per vertex, so its time grows as the square of the size (about 6 s at 10⁴ vertices).
    /// </summary>
    public const int MaxEliminable = 5_000;

    private ConnectivityBound(long[] perVertex, long total)
    {
        PerVertex = perVertex;
        Total = total;
    }

    /// <summary>The bound on each vertex's own elimination step, per vertex id (index 0 unused).</summary>
    public long[] PerVertex { get; }

    /// <summary>The bound on the vertices remaining in the game it was made for.</summary>
    public long Total { get; }

    /// <summary>
    /// The bound for the vertices remaining in <paramref name="game"/>, computed until <paramref name="outOfTime"/>
    /// (asked per vertex, if given) says to stop.
    /// </summary>
    public static ConnectivityBound Of(EliminationGame game, Func<bool>? outOfTime = null) =>
        Of(game, game.CostModel == CostModel.Markowitz ? new VertexCuts(game.Graph) : null, outOfTime);

    /// <summary>The same, from <paramref name="cuts"/> of the game's graph (null under the emitted cost model: no bound).</summary>
    public static ConnectivityBound Of(EliminationGame game, VertexCuts? cuts, Func<bool>? outOfTime)
    {
        var graph = game.Graph;
        var perVertex = new long[graph.VertexCount + 1];
        if (cuts is not null)
        {
            foreach (int id in graph.EliminableVertices)
            {
                if (outOfTime?.Invoke() == true) break;
                perVertex[id] = (long)cuts.Into(id, []) * cuts.OutOf(id, []);
            }
        }
        long total = 0;
        foreach (int id in game.Remaining) total += perVertex[id];
        return new ConnectivityBound(perVertex, total);
    }
}
