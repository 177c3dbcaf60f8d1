using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Examples.Tests;

/// <summary>For every example: all orders agree with each other and with finite differences.</summary>
public class ExampleJacobianTests
{
    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, function, _) in ExamplePoints.All) data.Add(file, function ?? "");
        return data;
    }

    private static (ComputationalGraph Graph, double[] Point) Load(string file, string function)
    {
        var example = ExamplePoints.All.Single(e => e.File == file && (e.Function ?? "") == function);
        return (ElimFrontend.CompileFile(Repository.Example(file), example.Function), example.Point);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void AllOrdersAgreeAndMatchFiniteDifferences(string file, string function)
    {
        var (graph, point) = Load(file, function);
        var data = ExamplePoints.Data(file);
        var reference = Interpreter.ForwardJacobian(graph, point, data);
        var scale = RoundingScale.Of(graph, point, data);

        Assert.All(Interpreter.Evaluate(graph, point, data), value => Assert.True(double.IsFinite(value), $"output {value} at the typical point"));
        JacobianComparison.AssertClose(reference, Interpreter.ReverseJacobian(graph, point, data), 1e-12, "reverse mode:", scale: scale);
        var orders = new[] { StandardOrders.Forward(graph), StandardOrders.Reverse(graph), StandardOrders.MinimalMarkowitz(graph) }
            .Concat(Enumerable.Range(0, 8).Select(seed => RandomGraphs.RandomOrder(graph, seed)));
        foreach (var order in orders)
            JacobianComparison.AssertClose(reference, Interpreter.EliminationJacobian(graph, point, order, data), 1e-12, $"order {order}:", scale: scale);
        // stop_gradient cuts paths on purpose, so differences of the primal are no oracle there.
        if (!graph.Vertices.Any(v => v.Op == OpKind.StopGradient))
            Assert.Equal(0, FiniteDifferences.AssertMatches(graph, point, reference, data: data));
    }

    [Fact]
    public void EveryExampleFileIsCovered()
    {
        var files = Directory.GetFiles(Repository.PathOf("examples"), "*.elim").Select(Path.GetFileNameWithoutExtension);
        Assert.All(files, file => Assert.Contains(ExamplePoints.All, e => e.File == file));
    }

    [Fact]
    public void HandWrittenBlackScholesGradientEqualsTheJacobianOfThePrice()
    {
        var (price, point) = Load("black_scholes", "black_scholes");
        var (gradient, _) = Load("black_scholes", "black_scholes_gradient");
        var jacobian = Interpreter.EliminationJacobian(price, point, StandardOrders.MinimalMarkowitz(price));
        var handWritten = Interpreter.Evaluate(gradient, point);

        Assert.Equal(price.InputCount, handWritten.Length);
        for (int i = 0; i < handWritten.Length; i++)
            Assert.True(Math.Abs(handWritten[i] - jacobian[0, i]) <= 1e-12 * Math.Max(1, Math.Abs(handWritten[i])),
                $"∂price/∂{price.InputNames[i]}: hand-written {handWritten[i]:R}, elimination {jacobian[0, i]:R}");
    }
}
