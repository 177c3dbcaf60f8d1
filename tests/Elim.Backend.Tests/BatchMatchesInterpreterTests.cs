using Elim.Backend.Emit;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Backend.Tests;

/// <summary>
/// The vector batch kernels (vector transcendental functions included) agree with the reference interpreter
/// at every point of a batch, for every example and for random programs, in both layouts and both widths
/// (four and eight lanes; eight are emulated by the runtime where the processor lacks AVX-512).
/// </summary>
public class BatchMatchesInterpreterTests
{
    private const double Tolerance = 1e-12;

    [Theory]
    [MemberData(nameof(TaskGraphs.Examples), MemberType = typeof(TaskGraphs))]
    public void EveryExampleBatchAgrees(string file, string function)
    {
        var example = ExamplePoints.All.Single(e => e.File == file && (e.Function ?? "") == function);
        var graph = TaskGraphs.Example(file, example.Function);
        var random = new Random(3);
        // ±1% around the typical point (and data), as the perf harness does; 41 points = ten (or five) vectors and a scalar tail.
        var points = ExamplePoints.Around(example.Point, 41, random, 0.02);
        var data = ExamplePoints.Around(ExamplePoints.Data(file), 41, random, 0.02);
        AssertBatchAgrees(graph, StandardOrders.MinimalMarkowitz(graph), points, data);
        // A batch of one point runs the single-point kernel, in either layout.
        AssertBatchAgrees(graph, StandardOrders.MinimalMarkowitz(graph), points[..1], data[..1]);
    }

    [Fact]
    public void RandomProgramBatchesAgree()
    {
        for (int seed = 0; seed < 40; seed++)
        {
            var graph = RandomGraphs.Create(seed, inputs: 1 + seed % 6, vertices: 6 + seed % 50);
            var points = Enumerable.Range(0, 9).Select(p => RandomGraphs.RandomPoint(graph, seed * 100 + p)).ToArray();
            AssertBatchAgrees(graph, RandomGraphs.RandomOrder(graph, seed), points);
        }
    }

    /// <summary>
    /// Batches of <paramref name="points"/> (with their <paramref name="data"/>, if the graph has data inputs) agree with the
    /// interpreter in both layouts and both vector widths, on <paramref name="threads"/> threads.
    /// </summary>
    internal static void AssertBatchAgrees(ComputationalGraph graph, EliminationOrder order, double[][] points, double[][]? data = null,
        int threads = 1)
    {
        data ??= points.Select(_ => Array.Empty<double>()).ToArray();
        foreach (var lanes in (VectorLaneEmitter[])[VectorLaneEmitter.Four, VectorLaneEmitter.Eight])
        {
            var compiled = Compile.Jacobian(graph, order, lanes);
            foreach (var layout in Enum.GetValues<BatchLayout>())
                AssertBatchAgrees(compiled, points, data, layout, threads, $"{graph.Name}, {layout}, {lanes.Lanes} lanes, {threads} thread(s)");
        }
    }

    private static void AssertBatchAgrees(JacobianFunction compiled, double[][] points, double[][] data, BatchLayout layout, int threads,
        string where)
    {
        var (graph, order) = (compiled.Graph, compiled.Order);
        int n = graph.InputCount, m = graph.OutputCount, count = points.Length;
        var outputs = new double[count * m];
        var jacobians = new double[count * m * n];
        compiled.EvaluateBatch(Batches.Lay(points, layout), Batches.Lay(data, layout), outputs, jacobians, count, layout, threads);
        for (int p = 0; p < count; p++)
        {
            var expectedOutputs = Interpreter.Evaluate(graph, points[p], data[p]);
            for (int o = 0; o < m; o++) Close.Equal(expectedOutputs[o], outputs[Batches.Index(layout, p, o, m, count)], $"{where}, point {p}: y[{o}]");
            var jacobian = new double[m, n];
            for (int o = 0; o < m; o++)
                for (int i = 0; i < n; i++) jacobian[o, i] = jacobians[Batches.Index(layout, p, o * n + i, m * n, count)];
            JacobianComparison.AssertClose(Interpreter.EliminationJacobian(graph, points[p], order, data[p]), jacobian, Tolerance,
                $"{where}, point {p}", scale: RoundingScale.Of(graph, points[p], data[p]));
        }
    }
}
