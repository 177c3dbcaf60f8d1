using Elim.Backend.Cpu;
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
        // ±1% around the typical point, as the perf harness does; 41 points = ten (or five) vectors and a scalar tail.
        var points = Enumerable.Range(0, 41).Select(_ => example.Point.Select(v => v * (1 + 0.02 * (random.NextDouble() - 0.5))).ToArray()).ToArray();
        AssertBatchAgrees(graph, StandardOrders.MinimalMarkowitz(graph), points);
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

    private static void AssertBatchAgrees(ComputationalGraph graph, EliminationOrder order, double[][] points)
    {
        foreach (var lanes in (VectorLaneEmitter[])[VectorLaneEmitter.Four, VectorLaneEmitter.Eight])
        {
            var compiled = Compile.Jacobian(graph, order, lanes);
            foreach (var layout in Enum.GetValues<BatchLayout>())
                AssertBatchAgrees(compiled, points, layout, $"{graph.Name}, {layout}, {lanes.Lanes} lanes");
        }
    }

    private static void AssertBatchAgrees(JacobianFunction compiled, double[][] points, BatchLayout layout, string where)
    {
        var (graph, order) = (compiled.Graph, compiled.Order);
        int n = graph.InputCount, m = graph.OutputCount, count = points.Length;
        var x = new double[count * n];
        var outputs = new double[count * m];
        var jacobians = new double[count * m * n];
        for (int p = 0; p < count; p++)
            for (int i = 0; i < n; i++) x[Index(layout, p, i, n, count)] = points[p][i];
        compiled.EvaluateBatch(x, outputs, jacobians, count, layout);
        for (int p = 0; p < count; p++)
        {
            var expectedOutputs = Interpreter.Evaluate(graph, points[p]);
            for (int o = 0; o < m; o++) Close.Equal(expectedOutputs[o], outputs[Index(layout, p, o, m, count)], $"{where}, point {p}: y[{o}]");
            var jacobian = new double[m, n];
            for (int o = 0; o < m; o++)
                for (int i = 0; i < n; i++) jacobian[o, i] = jacobians[Index(layout, p, o * n + i, m * n, count)];
            JacobianComparison.AssertClose(Interpreter.EliminationJacobian(graph, points[p], order), jacobian, Tolerance, $"{where}, point {p}",
                scale: RoundingScale.Of(graph, points[p]));
        }
    }

    /// <summary>Where element k of point p lives in a batch of <paramref name="count"/> points of <paramref name="width"/> elements.</summary>
    private static int Index(BatchLayout layout, int p, int k, int width, int count) =>
        layout == BatchLayout.PerPoint ? p * width + k : k * count + p;
}
