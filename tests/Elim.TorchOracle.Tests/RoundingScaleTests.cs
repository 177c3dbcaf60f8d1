using Elim.Graph;
using Elim.Testing;
using Elim.TorchBridge;
using Xunit.Sdk;

namespace Elim.TorchOracle.Tests;

/// <summary>The widened tolerances still catch a wrong Jacobian on well-conditioned graphs.</summary>
public sealed class RoundingScaleTests
{
    [Theory]
    [InlineData(5, 2, 12)]
    [InlineData(21, 8, 90)]
    [InlineData(29, 12, 150)]
    public void AnEntryOffByOnePartInAMillionIsRejected(int seed, int inputs, int vertices)
    {
        var graph = RandomGraphs.Create(seed, inputs, vertices);
        var x = RandomGraphs.RandomPoint(graph, 1000 * seed);
        var scale = new RoundingScale(graph, x);
        Assert.True(scale.WorstCondition < 1e3, $"{graph.Name} is too ill-conditioned for this check ({scale.WorstCondition:E2}).");
        var oracle = TorchGraph.Jacobian(graph, x);
        var wrong = Interpreter.ReverseJacobian(graph, x);
        int output = graph.OutputCount - 1;
        int input = Enumerable.Range(0, inputs).MaxBy(i => Math.Abs(oracle[output, i]));
        wrong[output, input] += 1e-6 * Math.Max(1, Math.Abs(wrong[output, input]));
        Assert.Throws<TrueException>(() =>
            Closeness.Equal(oracle, wrong, (o, i, e) => scale.JacobianBound(o, i, e, 1e-10), graph.Name));
    }
}
