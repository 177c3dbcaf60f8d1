namespace Elim.Graph;

/// <summary>The paper's cost metric: eliminating k costs |P(k)|·|S(k)| multiplications in the graph as it stands.</summary>
public static class MarkowitzCost
{
    /// <summary>The total cost of <paramref name="order"/> on <paramref name="graph"/>.</summary>
    public static long Of(ComputationalGraph graph, EliminationOrder order) => Steps(graph, order).Sum();

    /// <summary>
    /// The total cost of <paramref name="order"/> if it stays below <paramref name="limit"/>, else null, found without
    /// eliminating further once the limit is reached (an order that fills in densely can take minutes to price).
    /// </summary>
    public static long? Below(ComputationalGraph graph, EliminationOrder order, long limit)
    {
        order.Validate(graph);
        var eliminator = new Eliminator(graph);
        long cost = 0;
        foreach (int id in order.VertexIds)
        {
            cost += eliminator.Eliminate(id);
            if (cost >= limit) return null;
        }
        return cost;
    }

    /// <summary>The cost of each step of <paramref name="order"/>, in order.</summary>
    public static long[] Steps(ComputationalGraph graph, EliminationOrder order)
    {
        order.Validate(graph);
        var eliminator = new Eliminator(graph);
        return order.VertexIds.Select(eliminator.Eliminate).ToArray();
    }
}
