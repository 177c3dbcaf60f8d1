using Elim.Graph;

namespace Elim.Backend.Cache;

/// <summary>
/// What identifies compiled code: the graph's content hash (shape, constants, exponents; not names),
/// the elimination order, and what is compiled.
/// </summary>
/// <param name="GraphHash">The graph's <see cref="Graph.GraphHash.Content"/>.</param>
/// <param name="Order">The order's vertex ids, comma-separated (empty for a primal).</param>
/// <param name="Kind">"jacobian" or "primal".</param>
public readonly record struct CacheKey(string GraphHash, string Order, string Kind)
{
    /// <summary>The key of the Jacobian of <paramref name="graph"/> by <paramref name="order"/>.</summary>
    public static CacheKey ForJacobian(ComputationalGraph graph, EliminationOrder order) =>
        new(Graph.GraphHash.Content(graph), string.Join(",", order.VertexIds), "jacobian");

    /// <summary>The key of the primal of <paramref name="graph"/>.</summary>
    public static CacheKey ForPrimal(ComputationalGraph graph) => new(Graph.GraphHash.Content(graph), "", "primal");
}
