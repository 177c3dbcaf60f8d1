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

    /// <summary>
    /// In the Markowitz cost model the cost follows from which independents and dependents each vertex reaches
    /// (<see cref="Reachability.ForwardCost"/>, <see cref="Reachability.ReverseCost"/>): played, a fixed order fills in
    /// for minutes on some big graphs.
    /// </summary>
    public (int[] Order, long Cost)? PriceWithoutPlaying(EliminationGame game)
    {
        if (game.CostModel != CostModel.Markowitz) return null;
        var graph = game.Graph;
        long? cost = descending ? Reachability.ReverseCost(graph) : Reachability.ForwardCost(graph);
        var order = descending ? StandardOrders.Reverse(graph) : StandardOrders.Forward(graph);
        return cost is { } known ? ([.. order.VertexIds], known) : null;
    }

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
