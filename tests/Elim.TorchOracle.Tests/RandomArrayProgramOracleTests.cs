using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;
using Elim.TorchBridge;

namespace Elim.TorchOracle.Tests;

/// <summary>
/// Random programs with arrays, branches, data and grad (<see cref="RandomArrayPrograms"/>): torch autograd, point by
/// point and batched (each point with its own data), agrees with the interpreter to 1e-12, widened by the rounding
/// scale; a NaN entry (a norm of a zero vector) agrees only with NaN.
/// </summary>
public sealed class RandomArrayProgramOracleTests
{
    private const double Tolerance = 1e-12;

    [Theory]
    [MemberData(nameof(RandomArrayPrograms.Seeds), MemberType = typeof(RandomArrayPrograms))]
    public void TorchAutogradAgreesWithTheInterpreter(int seed)
    {
        var graph = ElimFrontend.Compile(RandomArrayPrograms.Generate(seed), $"arrays{seed}.elim");
        var (points, data) = RandomArrayPrograms.Points(graph, seed, 3);
        int n = graph.InputCount, m = graph.OutputCount, d = graph.DataCount;
        var (values, jacobians) = TorchGraph.JacobianBatch(graph, ToMatrix(points, n), data: d == 0 ? null : ToMatrix(data, d));
        for (int p = 0; p < points.Length; p++)
        {
            var (x, w) = (points[p], data[p]);
            var scale = new RoundingScale(graph, x, w);
            var expected = Interpreter.Evaluate(graph, x, w);
            var reference = Interpreter.ReverseJacobian(graph, x, w);
            var batched = new double[m, n];
            for (int o = 0; o < m; o++)
                for (int i = 0; i < n; i++) batched[o, i] = jacobians[p, o, i];
            Closeness.Equal(expected, TorchGraph.Evaluate(graph, x, w), (o, y) => scale.ValueBound(o, y, Tolerance), $"arrays{seed} point {p} values");
            Closeness.Equal(expected, Enumerable.Range(0, m).Select(o => values[p, o]).ToArray(), (o, y) => scale.ValueBound(o, y, Tolerance),
                $"arrays{seed} point {p} batched values");
            JacobianComparison.AssertClose(reference, TorchGraph.Jacobian(graph, x, w), Tolerance, $"arrays{seed} point {p}:",
                scale: RoundingScale.Of(graph, x, w));
            JacobianComparison.AssertClose(reference, batched, Tolerance, $"arrays{seed} point {p} batched:", scale: RoundingScale.Of(graph, x, w));
        }
    }

    private static double[,] ToMatrix(double[][] rows, int width)
    {
        var matrix = new double[rows.Length, width];
        for (int p = 0; p < rows.Length; p++)
            for (int k = 0; k < width; k++) matrix[p, k] = rows[p][k];
        return matrix;
    }
}
