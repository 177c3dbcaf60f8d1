using Elim.Graph;

namespace Elim.Backend;

/// <summary>
/// The order a compile uses when asked for the best one: the order store's (the fastest measured by <c>elim tune</c>
/// where it measured this shape, else the cheapest stored), else the cheapest standard order.
/// </summary>
public static class BestOrder
{
    /// <summary>
    /// The best order <paramref name="store"/> holds for <paramref name="graph"/>'s shape, or else the cheapest of
    /// minimal Markowitz, reverse and forward (<see cref="StandardOrders.Cheapest"/>), and how it was chosen.
    /// </summary>
    public static (EliminationOrder Order, string Method) Resolve(ComputationalGraph graph, OrderStore store)
    {
        if (store.TryGetBest(graph) is { } stored) return (stored.Order, Describe(stored));
        var (order, name, _) = StandardOrders.Cheapest(graph);
        return (order, $"{name} (the cheapest of markowitz, reverse and forward; nothing stored)");
    }

    /// <summary>How <c>eval</c> and <c>store show</c> name a stored order: <c>stored anneal</c>, or <c>tuned, 25.4 ns/point at batch 1000 (stored anneal)</c>.</summary>
    public static string Describe(OrderFile stored) => stored.Measured is { } measured
        ? $"tuned, {measured} (stored {stored.Method ?? "order"})"
        : "stored " + (stored.Method ?? "order");
}
