namespace Elim.Graph;

/// <summary>The paper's cost metric: eliminating k costs |P(k)|·|S(k)| multiplications in the graph as it stands.</summary>
public static class MarkowitzCost
{
    /// <summary>The total cost of <paramref name="order"/> on <paramref name="graph"/>.</summary>
    public static long Of(ComputationalGraph graph, EliminationOrder order) => Steps(graph, order).Sum();

    /// <summary>The cost of each step of <paramref name="order"/>, in order.</summary>
    public static long[] Steps(ComputationalGraph graph, EliminationOrder order)
    {
        order.Validate(graph);
        var eliminator = new Eliminator(graph);
        return order.VertexIds.Select(eliminator.Eliminate).ToArray();
    }
}
