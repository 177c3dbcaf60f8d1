using Elim.Graph;
using Elim.Testing;
using Elim.TorchBridge;

namespace Elim.TorchOracle.Tests;

/// <summary>
/// Elim's interpreter against torch on seeded random graphs: primal values to 1e-12 and Jacobians by
/// every accumulation (forward, reverse, and elimination in forward, reverse, minimal-Markowitz and
/// random orders) to 1e-10, both relative to max(1, |expected|) and widened only by the output's
/// rounding condition (<see cref="RoundingScale"/>).
/// </summary>
public sealed class RandomGraphOracleTests
{
    private const double ValueTolerance = 1e-12;
    private const double JacobianTolerance = 1e-10;

    public static TheoryData<int, int, int> Graphs()
    {
        var data = new TheoryData<int, int, int>();
        (int Inputs, int Vertices)[] sizes = [(1, 5), (2, 12), (3, 25), (4, 40), (6, 60), (8, 90), (10, 120), (12, 150)];
        int seed = 1;
        foreach (var (inputs, vertices) in sizes)
            for (int k = 0; k < 4; k++) data.Add(seed++, inputs, vertices);
        return data;
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void ValuesAgreeWithTorch(int seed, int inputs, int vertices)
    {
        var graph = RandomGraphs.Create(seed, inputs, vertices);
        for (int p = 0; p < 3; p++)
        {
            var x = RandomGraphs.RandomPoint(graph, 1000 * seed + p);
            var scale = new RoundingScale(graph, x);
            Closeness.Equal(TorchGraph.Evaluate(graph, x), Interpreter.Evaluate(graph, x),
                (o, y) => scale.ValueBound(o, y, ValueTolerance), $"{graph.Name} outputs");
        }
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void JacobiansOfEveryAccumulationAgreeWithTorch(int seed, int inputs, int vertices)
    {
        var graph = RandomGraphs.Create(seed, inputs, vertices);
        (string Name, EliminationOrder Order)[] orders =
        [
            ("forward order", StandardOrders.Forward(graph)),
            ("reverse order", StandardOrders.Reverse(graph)),
            ("minimal Markowitz order", StandardOrders.MinimalMarkowitz(graph)),
            ("random order 1", RandomGraphs.RandomOrder(graph, seed)),
            ("random order 2", RandomGraphs.RandomOrder(graph, seed + 7919)),
        ];
        for (int p = 0; p < 2; p++)
        {
            var x = RandomGraphs.RandomPoint(graph, 1000 * seed + p);
            var oracle = TorchGraph.Jacobian(graph, x);
            var scale = new RoundingScale(graph, x);
            Func<int, int, double, double> bound = (o, i, entry) => scale.JacobianBound(o, i, entry, JacobianTolerance);
            Closeness.Equal(oracle, Interpreter.ForwardJacobian(graph, x), bound, $"{graph.Name} forward mode");
            Closeness.Equal(oracle, Interpreter.ReverseJacobian(graph, x), bound, $"{graph.Name} reverse mode");
            foreach (var (name, order) in orders)
                Closeness.Equal(oracle, Interpreter.EliminationJacobian(graph, x, order), bound, $"{graph.Name} {name}");
        }
    }
}
