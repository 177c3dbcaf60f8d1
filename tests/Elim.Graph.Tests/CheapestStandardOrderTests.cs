using Elim.Testing;

namespace Elim.Graph.Tests;

public class CheapestStandardOrderTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory, MemberData(nameof(Seeds))]
    public void It_is_the_cheapest_of_minimal_Markowitz_reverse_and_forward_preferring_them_in_that_order(int seed)
    {
        var graph = RandomGraphs.Create(seed, 1 + seed % 6, 5 + seed * 37 % 300);
        (string Name, EliminationOrder Order)[] candidates =
            [("markowitz", StandardOrders.MinimalMarkowitz(graph)), ("reverse", StandardOrders.Reverse(graph)), ("forward", StandardOrders.Forward(graph))];
        var expected = candidates.MinBy(c => MarkowitzCost.Of(graph, c.Order));   // MinBy keeps the first of equals

        var (order, name, cost) = StandardOrders.Cheapest(graph);

        Assert.Equal(expected.Name, name);
        Assert.Equal(expected.Order.VertexIds, order.VertexIds);
        Assert.Equal(MarkowitzCost.Of(graph, order), cost);
    }
}
