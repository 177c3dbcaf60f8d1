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
    /// ties to the lowest id. Only the neighbours of the vertex eliminated change degree, so only they move in an
    /// indexed heap keyed by (degree, id): O((edges + fill-in) · log n) instead of a scan of every remaining vertex
    /// per step.
    /// </summary>
    public static EliminationOrder MinimalMarkowitz(ComputationalGraph graph) => MinimalMarkowitzWithCost(graph).Order;

    /// <summary>
    /// The cheapest by Markowitz cost of minimal Markowitz, reverse and forward (in that order of preference on
    /// ties), with its name and cost. Reverse and forward stop as soon as they cost more than the cheapest so far:
    /// a fixed order can fill in densely (minutes of work on some big graphs), and the work to price an order is
    /// about its cost, so the whole stays within about three times minimal Markowitz's.
    /// </summary>
    public static (EliminationOrder Order, string Name, long Cost) Cheapest(ComputationalGraph graph)
    {
        var (order, cost) = MinimalMarkowitzWithCost(graph);
        var cheapest = (order, "markowitz", cost);
        foreach (var (name, candidate) in new[] { ("reverse", Reverse(graph)), ("forward", Forward(graph)) })
        {
            if (MarkowitzCost.Below(graph, candidate, cheapest.cost) is { } candidateCost) cheapest = (candidate, name, candidateCost);
        }
        return cheapest;
    }

    private static (EliminationOrder Order, long Cost) MinimalMarkowitzWithCost(ComputationalGraph graph)
    {
        var eliminator = new Eliminator(graph);
        var cheapest = new IndexedHeap<(long Degree, int Id)>(graph.VertexCount);
        foreach (int id in graph.EliminableVertices) cheapest.Set(id, (eliminator.MarkowitzDegree(id), id));
        var order = new List<int>(graph.EliminableVertices.Count);
        var neighbours = new List<int>();
        while (order.Count < graph.EliminableVertices.Count)
        {
            int id = cheapest.Pop();
            neighbours.Clear();
            eliminator.AddNeighbourVertices(id, neighbours);
            eliminator.Eliminate(id);
            order.Add(id);
            foreach (int other in neighbours)
            {
                if (graph.IsEliminable(other) && !eliminator.IsEliminated(other)) cheapest.Set(other, (eliminator.MarkowitzDegree(other), other));
            }
        }
        return (new EliminationOrder(order), eliminator.Cost);
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
