using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Examples.Tests;

/// <summary>Invariants over randomly generated .elim programs (not just random graphs).</summary>
public class RandomProgramTests
{
    public static IEnumerable<object[]> Seeds() => Enumerable.Range(0, 80).Select(seed => new object[] { seed });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryOrderGivesTheSameJacobianAndCostsTheSumOfItsSteps(int seed)
    {
        var graph = ElimFrontend.Compile(RandomPrograms.Generate(seed), $"random{seed}.elim");
        var point = RandomGraphs.RandomPoint(graph, seed);
        var reference = Interpreter.ReverseJacobian(graph, point);
        var scale = RoundingScale.Of(graph, point);

        for (int k = 0; k < 6; k++)
        {
            var order = RandomGraphs.RandomOrder(graph, seed * 17 + k);
            JacobianComparison.AssertClose(reference, Interpreter.EliminationJacobian(graph, point, order), 1e-12, $"order {order}:", scale: scale);
            Assert.Equal(MarkowitzCost.Steps(graph, order).Sum(), MarkowitzCost.Of(graph, order));
        }
        FiniteDifferences.AssertMatches(graph, point, reference);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ArrayAndBranchProgramsAgreeAcrossOrdersAndWithFiniteDifferences(int seed)
    {
        var graph = ElimFrontend.Compile(RandomArrayPrograms.Generate(seed), $"arrays{seed}.elim");
        var point = RandomGraphs.RandomPoint(graph, seed);
        var data = Enumerable.Range(0, graph.DataCount).Select(i => 0.3 + 0.1 * i).ToArray();
        var reference = Interpreter.ReverseJacobian(graph, point, data);
        var scale = RoundingScale.Of(graph, point, data);

        JacobianComparison.AssertClose(reference, Interpreter.ForwardJacobian(graph, point, data), 1e-12, "forward mode:", scale: scale);
        for (int k = 0; k < 3; k++)
        {
            var order = RandomGraphs.RandomOrder(graph, seed * 17 + k);
            JacobianComparison.AssertClose(reference, Interpreter.EliminationJacobian(graph, point, order, data), 1e-12, $"order {order}:", scale: scale);
        }
        FiniteDifferences.AssertMatches(graph, point, reference, data: data);
    }
}
