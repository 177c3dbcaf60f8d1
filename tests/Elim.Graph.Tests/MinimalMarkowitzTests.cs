using Elim.Testing;

namespace Elim.Graph.Tests;

public class MinimalMarkowitzTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 60)];

    [Theory, MemberData(nameof(Seeds))]
    public void The_queued_order_equals_a_full_scan_per_step(int seed)
    {
        var graph = RandomGraphs.Create(seed, 1 + seed % 6, 5 + seed * 37 % 300);
        Assert.Equal(ScanEveryStep(graph), StandardOrders.MinimalMarkowitz(graph).VertexIds);
    }

    // The straightforward definition: at each step look at every remaining vertex, cheapest first, ties to the lowest id.
    private static List<int> ScanEveryStep(ComputationalGraph graph)
    {
        var eliminator = new Eliminator(graph);
        var remaining = new List<int>(graph.EliminableVertices);
        var order = new List<int>();
        while (remaining.Count > 0)
        {
            int best = remaining.MinBy(id => (eliminator.MarkowitzDegree(id), id));
            eliminator.Eliminate(best);
            remaining.Remove(best);
            order.Add(best);
        }
        return order;
    }
}
