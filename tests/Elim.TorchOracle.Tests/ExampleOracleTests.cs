using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;
using Elim.TorchBridge;

namespace Elim.TorchOracle.Tests;

/// <summary>Every example's values and Jacobians (all accumulation orders) agree with TorchSharp autograd.</summary>
public sealed class ExampleOracleTests
{
    private const double ValueTolerance = 1e-13;
    private const double JacobianTolerance = 1e-12;

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, function, _) in ExamplePoints.All) data.Add(file, function ?? "");
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void AgreesWithTorchAutograd(string file, string function)
    {
        var example = ExamplePoints.All.Single(e => e.File == file && (e.Function ?? "") == function);
        var graph = ElimFrontend.CompileFile(Repository.Example(file), example.Function);
        var (x, data) = (example.Point, ExamplePoints.Data(file));
        var scale = new RoundingScale(graph, x, data);

        Closeness.Equal(TorchGraph.Evaluate(graph, x, data), Interpreter.Evaluate(graph, x, data),
            (o, y) => scale.ValueBound(o, y, ValueTolerance), $"{file} outputs");
        var oracle = TorchGraph.Jacobian(graph, x, data);
        Func<int, int, double, double> bound = (o, i, entry) => scale.JacobianBound(o, i, entry, JacobianTolerance);
        Closeness.Equal(oracle, Interpreter.ForwardJacobian(graph, x, data), bound, $"{file} forward mode");
        Closeness.Equal(oracle, Interpreter.ReverseJacobian(graph, x, data), bound, $"{file} reverse mode");
        foreach (var order in new[] { StandardOrders.MinimalMarkowitz(graph), RandomGraphs.RandomOrder(graph, 1), RandomGraphs.RandomOrder(graph, 2) })
            Closeness.Equal(oracle, Interpreter.EliminationJacobian(graph, x, order, data), bound, $"{file} order {order}");
    }
}
