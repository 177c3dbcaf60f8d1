using Elim.Graph;
using Elim.Testing;

namespace Elim.Graph.Tests;

/// <summary>Forward, reverse and every elimination order give the same Jacobian, and it matches finite differences.</summary>
public class JacobianAgreementTests
{
    public static IEnumerable<object[]> Seeds() => Enumerable.Range(0, 60).Select(seed => new object[] { seed });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryMethodAndOrderGivesTheSameJacobian(int seed)
    {
        var graph = RandomGraphs.Create(seed, inputs: 1 + seed % 5, vertices: 5 + seed * 3 % 60);
        var point = RandomGraphs.RandomPoint(graph, seed);
        var forward = Interpreter.ForwardJacobian(graph, point);
        var scale = RoundingScale.Of(graph, point);

        JacobianComparison.AssertClose(forward, Interpreter.ReverseJacobian(graph, point), 1e-12, "reverse mode:", scale: scale);
        foreach (var order in new[] { StandardOrders.Forward(graph), StandardOrders.Reverse(graph), StandardOrders.MinimalMarkowitz(graph) }
                     .Concat(Enumerable.Range(0, 5).Select(k => RandomGraphs.RandomOrder(graph, seed * 31 + k))))
        {
            JacobianComparison.AssertClose(forward, Interpreter.EliminationJacobian(graph, point, order), 1e-12, $"order {order}:", scale: scale);
        }
        FiniteDifferences.AssertMatches(graph, point, forward);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CostOfAnOrderIsTheSumOfItsSteps(int seed)
    {
        var graph = RandomGraphs.Create(seed, inputs: 2 + seed % 4, vertices: 10 + seed % 40);
        var order = RandomGraphs.RandomOrder(graph, seed);
        var steps = MarkowitzCost.Steps(graph, order);

        Assert.Equal(order.VertexIds.Count, steps.Length);
        Assert.Equal(steps.Sum(), MarkowitzCost.Of(graph, order));

        // Each step is |P|·|S| of the graph as it stands then.
        var eliminator = new Eliminator(graph);
        for (int i = 0; i < steps.Length; i++)
        {
            Assert.Equal(eliminator.MarkowitzDegree(order.VertexIds[i]), steps[i]);
            eliminator.Eliminate(order.VertexIds[i]);
        }
    }

    [Fact]
    public void ForwardAndReverseCostsOfAChainAreKnown()
    {
        // y = sin(cos(x1 * x2)) with two outputs reading the chain: forward and reverse modes differ.
        var builder = new GraphBuilder("chain");
        var x1 = builder.AddInput("x1");
        var x2 = builder.AddInput("x2");
        var product = builder.Apply(OpKind.Mul, SourceSpan.None, x1, x2);
        var cos = builder.Apply(OpKind.Cos, SourceSpan.None, product);
        builder.MarkOutput("a", builder.Apply(OpKind.Sin, SourceSpan.None, cos));
        builder.MarkOutput("b", builder.Apply(OpKind.Exp, SourceSpan.None, cos));
        var graph = builder.Build();

        // forward: eliminate 1 (2 preds × 1 succ = 2), then 2 (2 × 2 = 4) = 6
        Assert.Equal(6, MarkowitzCost.Of(graph, StandardOrders.Forward(graph)));
        // reverse: eliminate 2 (1 × 2 = 2), then 1 (2 × 2 = 4) = 6; minimal Markowitz picks 1 first (2 vs 2, lowest id)
        Assert.Equal(6, MarkowitzCost.Of(graph, StandardOrders.Reverse(graph)));
        Assert.Equal([1, 2], StandardOrders.MinimalMarkowitz(graph).VertexIds);
    }

    [Fact]
    public void MinimalMarkowitzIsNeverWorseThanForwardOrReverseOnAverage()
    {
        // Not a theorem per graph, but over many graphs the greedy rule must beat a random order on average.
        long greedy = 0, random = 0;
        for (int seed = 0; seed < 40; seed++)
        {
            var graph = RandomGraphs.Create(seed, 4, 60);
            greedy += MarkowitzCost.Of(graph, StandardOrders.MinimalMarkowitz(graph));
            random += MarkowitzCost.Of(graph, RandomGraphs.RandomOrder(graph, seed));
        }
        Assert.True(greedy < random, $"minimal Markowitz {greedy} vs random {random}");
    }
}
