using Elim.Graph;
using Elim.Testing;
using Elim.TorchBridge;
using TorchSharp;

namespace Elim.TorchOracle.Tests;

/// <summary>The batched torch peer: one forward pass and one backward pass per output over N points.</summary>
public sealed class BatchTests
{
    private const double Tolerance = 1e-12;

    [Theory]
    [InlineData(101, 3, 30, 1)]
    [InlineData(102, 5, 80, 17)]
    [InlineData(103, 12, 150, 24)]
    public void BatchedValuesAndJacobiansEqualThePerPointOnes(int seed, int inputs, int vertices, int count)
    {
        var graph = RandomGraphs.Create(seed, inputs, vertices);
        var points = new double[count, inputs];
        for (int p = 0; p < count; p++)
        {
            var x = RandomGraphs.RandomPoint(graph, seed * 1000 + p);
            for (int i = 0; i < inputs; i++) points[p, i] = x[i];
        }
        var (values, jacobians) = TorchGraph.JacobianBatch(graph, points);
        for (int p = 0; p < count; p++)
        {
            var x = Enumerable.Range(0, inputs).Select(i => points[p, i]).ToArray();
            var scale = new RoundingScale(graph, x);
            var value = Enumerable.Range(0, graph.OutputCount).Select(o => values[p, o]).ToArray();
            var jacobian = new double[graph.OutputCount, inputs];
            for (int o = 0; o < graph.OutputCount; o++)
                for (int i = 0; i < inputs; i++) jacobian[o, i] = jacobians[p, o, i];
            Closeness.Equal(TorchGraph.Evaluate(graph, x), value, (o, y) => scale.ValueBound(o, y, Tolerance), $"point {p} values");
            Closeness.Equal(TorchGraph.Jacobian(graph, x), jacobian, (o, i, e) => scale.JacobianBound(o, i, e, Tolerance), $"point {p} Jacobian");
        }
    }

    [Theory]
    [InlineData(201, 3, 2, 40, 9)]
    [InlineData(202, 2, 1, 60, 5)]
    [InlineData(203, 4, 3, 80, 12)]
    public void BatchesOfGraphsWithDataAndEveryOperationAgreeWithElimAtEachPointsData(int seed, int inputs, int data, int operations, int count)
    {
        var function = RandomScalarFunctions.Create(seed, inputs, data, operations);
        var graph = function.Primal();
        var points = new double[count, inputs];
        var dataRows = new double[count, data];
        for (int p = 0; p < count; p++)
        {
            var (x, d) = function.RandomPoint(seed * 1000 + p);
            for (int i = 0; i < inputs; i++) points[p, i] = x[i];
            for (int k = 0; k < data; k++) dataRows[p, k] = d[k];
        }
        var (values, jacobians) = TorchGraph.JacobianBatch(graph, points, data: dataRows);
        Assert.Equal([count, 1, inputs], Enumerable.Range(0, 3).Select(jacobians.GetLength));
        for (int p = 0; p < count; p++)
        {
            var x = Enumerable.Range(0, inputs).Select(i => points[p, i]).ToArray();
            var d = Enumerable.Range(0, data).Select(k => dataRows[p, k]).ToArray();
            var scale = new RoundingScale(graph, x, d);
            var jacobian = new double[1, inputs];
            for (int i = 0; i < inputs; i++) jacobian[0, i] = jacobians[p, 0, i];
            Closeness.Equal(Interpreter.Evaluate(graph, x, d), [values[p, 0]], (o, y) => scale.ValueBound(o, y, Tolerance), $"point {p} values");
            Closeness.Equal(Interpreter.ForwardJacobian(graph, x, d), jacobian, (o, i, e) => scale.JacobianBound(o, i, e, Tolerance), $"point {p} Jacobian");
        }
    }

    [Fact]
    public void BatchedTensorsHaveTheDocumentedShapes()
    {
        var graph = RandomGraphs.Create(104, 4, 40);
        using var points = torch.rand(9, 4, torch.float64);
        using var batch = TorchGraph.JacobianBatch(graph, points, threads: 1);
        using var values = TorchGraph.EvaluateBatch(graph, points);
        Assert.Equal([9L, graph.OutputCount], batch.Values.shape);
        Assert.Equal([9L, graph.OutputCount, 4L], batch.Jacobian.shape);
        Assert.False(batch.Values.requires_grad);
        Assert.Equal(values.data<double>().ToArray(), batch.Values.data<double>().ToArray());
    }

    [Fact]
    public void AnOutputThatIgnoresAnInputOrAllInputsHasZeroDerivatives()
    {
        var builder = new GraphBuilder("partly constant");
        var x = builder.AddInput("x");
        builder.AddInput("unused");
        builder.MarkOutput("sinx", builder.Apply(OpKind.Sin, SourceSpan.None, x));
        builder.MarkOutput("three", builder.Copy(Operand.Constant(3), SourceSpan.None));
        var graph = builder.Build();

        var (values, jacobians) = TorchGraph.JacobianBatch(graph, new double[,] { { 0.5, 9 }, { -1, 9 } });

        Assert.Equal(new[,] { { Math.Sin(0.5), 3 }, { Math.Sin(-1), 3 } }, values);
        Assert.Equal(new double[,,] { { { Math.Cos(0.5), 0 }, { 0, 0 } }, { { Math.Cos(-1), 0 }, { 0, 0 } } }, jacobians);
    }

    [Fact]
    public void PointsOfTheWrongShapeAreRejected()
    {
        var graph = RandomGraphs.Create(105, 3, 10);
        using var points = torch.zeros(4, 2, torch.float64);
        using var singles = torch.zeros(4, 3, torch.float32);
        Assert.Throws<ArgumentException>(() => TorchGraph.JacobianBatch(graph, points));
        Assert.Throws<ArgumentException>(() => TorchGraph.EvaluateBatch(graph, singles));
        Assert.Throws<ArgumentException>(() => TorchGraph.Evaluate(graph, [1.0, 2.0]));

        var withData = RandomScalarFunctions.Create(106, 2, 2, 10).Primal();
        Assert.Throws<ArgumentException>(() => TorchGraph.Evaluate(withData, [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => TorchGraph.Evaluate(withData, [1.0, 2.0], [3.0]));
        Assert.Throws<ArgumentException>(() => TorchGraph.JacobianBatch(withData, new double[3, 2], data: new double[2, 2]));
    }
}
