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
    /// ties to the lowest id.
    /// </summary>
    public static EliminationOrder MinimalMarkowitz(ComputationalGraph graph)
    {
        var eliminator = new Eliminator(graph);
        var remaining = new List<int>(graph.EliminableVertices);
        var order = new List<int>(remaining.Count);
        while (remaining.Count > 0)
        {
            int best = 0;
            for (int i = 1; i < remaining.Count; i++)
            {
                if (eliminator.MarkowitzDegree(remaining[i]) < eliminator.MarkowitzDegree(remaining[best])) best = i;
            }
            order.Add(remaining[best]);
            eliminator.Eliminate(remaining[best]);
            remaining.RemoveAt(best);
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
