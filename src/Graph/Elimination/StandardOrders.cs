namespace Elim.Graph;

/// <summary>The classical orders: forward, reverse and minimal Markowitz.</summary>
public static class StandardOrders
{
    /// <summary>Forward mode: eliminable vertices in ascending id order.</summary>
    public static EliminationOrder Forward(ComputationalGraph graph) => new(graph.EliminableVertices);

    /// <summary>Reverse mode: eliminable vertices in descending id order.</summary>
    public static EliminationOrder Reverse(ComputationalGraph graph) => new(graph.EliminableVertices.Reverse());

    /// <summary>
    /// Minimal Markowitz: always eliminate the remaining vertex with the smallest current |P|·|S|,
    /// ties to the lowest id. Only the neighbours of the vertex eliminated change degree, so they are queued
    /// again with their new degree and an entry whose degree is out of date is skipped when it comes up:
    /// O((edges + fill-in) · log n) instead of a scan of every remaining vertex per step.
    /// </summary>
    public static EliminationOrder MinimalMarkowitz(ComputationalGraph graph)
    {
        var eliminator = new Eliminator(graph);
        var cheapest = new PriorityQueue<int, (long Degree, int Id)>(graph.EliminableVertices.Count);
        foreach (int id in graph.EliminableVertices) cheapest.Enqueue(id, (eliminator.MarkowitzDegree(id), id));
        var order = new List<int>(graph.EliminableVertices.Count);
        var neighbours = new List<int>();
        while (cheapest.TryDequeue(out int id, out var queued))
        {
            if (eliminator.IsEliminated(id) || queued.Degree != eliminator.MarkowitzDegree(id)) continue;
            neighbours.Clear();
            neighbours.AddRange(eliminator.NeighbourVertices(id));
            eliminator.Eliminate(id);
            order.Add(id);
            foreach (int other in neighbours)
            {
                if (graph.IsEliminable(other) && !eliminator.IsEliminated(other)) cheapest.Enqueue(other, (eliminator.MarkowitzDegree(other), other));
            }
        }
        return new EliminationOrder(order);
    }

    /// <summary>The order called <paramref name="name"/> (fwd/forward, rev/reverse, markowitz/mm), or null.</summary>
    public static EliminationOrder? ByName(ComputationalGraph graph, string name) => name.ToLowerInvariant() switch
    {
        "fwd" or "forward" => Forward(graph),
        "rev" or "reverse" => Reverse(graph),
        "markowitz" or "mm" or "min-markowitz" => MinimalMarkowitz(graph),
        _ => null,
    };
}
