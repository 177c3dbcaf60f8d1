using Elim.Graph;
using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>
/// An order that depends only on the numbering: forward (ascending ids) or reverse (descending). One pass,
/// but each step's fill-in is what it is: on a graph that fills in densely the pass can take minutes, so it
/// stops when asked like any other heuristic.
/// </summary>
internal sealed class FixedOrder(string name, bool descending) : IHeuristic
{
    public string Name { get; } = name;

    public int MaxEliminable => int.MaxValue;

    /// <summary>The order on <paramref name="graph"/>: its eliminable vertices by id, ascending or descending.</summary>
    public int[] Order(ComputationalGraph graph)
    {
        int[] ids = [.. graph.EliminableVertices];
        if (descending) Array.Reverse(ids);
        return ids;
    }

    /// <summary>The order's Markowitz cost without playing it (<see cref="Reachability"/>), or null where it cannot be priced so.</summary>
    public long? MarkowitzCost(ComputationalGraph graph) => descending ? Reachability.ReverseCost(graph) : Reachability.ForwardCost(graph);

    public bool Play(EliminationGame game, Func<bool> outOfTime)
    {
        var ids = game.Graph.EliminableVertices;
        for (int i = 0; i < ids.Count; i++)
        {
            if (outOfTime()) return false;
            int id = ids[descending ? ids.Count - 1 - i : i];
            if (!game.IsEliminated(id)) game.Eliminate(id);
        }
        return true;
    }
}
