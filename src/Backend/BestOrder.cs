using Elim.Graph;

namespace Elim.Backend;

/// <summary>The order a compile uses when asked for the best one: the order store's, else the cheapest standard order.</summary>
public static class BestOrder
{
    /// <summary>
    /// The best order <paramref name="store"/> holds for <paramref name="graph"/>'s shape, or else the cheapest of
    /// minimal Markowitz, reverse and forward (<see cref="StandardOrders.Cheapest"/>), and how it was chosen.
    /// </summary>
    public static (EliminationOrder Order, string Method) Resolve(ComputationalGraph graph, OrderStore store)
    {
        if (store.TryGetBest(graph) is { } stored) return (stored.Order, "stored " + (stored.Method ?? "order"));
        var (order, name, _) = StandardOrders.Cheapest(graph);
        return (order, $"{name} (the cheapest of markowitz, reverse and forward; nothing stored)");
    }
}
