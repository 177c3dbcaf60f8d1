using Elim.Graph;

namespace Elim.Backend;

/// <summary>The order a compile uses when asked for the best one: the order store's, else minimal Markowitz.</summary>
public static class BestOrder
{
    /// <summary>The best order <paramref name="store"/> holds for <paramref name="graph"/>'s shape, or minimal Markowitz, and how it was chosen.</summary>
    public static (EliminationOrder Order, string Method) Resolve(ComputationalGraph graph, OrderStore store) =>
        store.TryGetBest(graph) is { } stored
            ? (stored.Order, "stored " + (stored.Method ?? "order"))
            : (StandardOrders.MinimalMarkowitz(graph), "markowitz (nothing stored)");
}
