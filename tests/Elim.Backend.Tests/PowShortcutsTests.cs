using Elim.Backend.Emit;
using Elim.Graph;

namespace Elim.Backend.Tests;

/// <summary>
/// Vector kernels take r = a^b and ∂r/∂a inline where every lane is ordinary and call the checked vector methods
/// otherwise: either way each point agrees with a single-point call, special values (zeros, negative bases,
/// underflow, infinities, NaN) exactly where the scalar code gives them.
/// </summary>
public class PowShortcutsTests
{
    private static readonly (double A, double B) Filler = (1.3, 0.7);

    public static TheoryData<BatchLayout> Layouts() => new(Enum.GetValues<BatchLayout>());

    [Theory]
    [MemberData(nameof(Layouts))]
    public void EveryPairOfEdgeArgumentsAgreesWithTheSinglePointCode(BatchLayout layout)
    {
        // 1e-300^1.1 underflows to 0, where b·r/a would be 0 but the slope b·a^(b−1) is 1.1e-30.
        double[] values =
            [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -3.0, 1.1, 1e-300, 1e-310, 1e300, -1e300, double.PositiveInfinity,
             double.NegativeInfinity, double.NaN, 0.3, 9.0];
        foreach (var lanes in (VectorLaneEmitter[])[VectorLaneEmitter.Four, VectorLaneEmitter.Eight])
        {
            // Each pair alone in a vector of ordinary points, so no other lane sends the vector to the checked method.
            var points = values.SelectMany(a => values.SelectMany(b => OneInAVector((a, b), lanes.Lanes))).ToList();
            AssertAgrees(lanes, layout, points);
        }
    }

    [Fact]
    public void AConstantNegativeBaseKeepsTheScalarPowers()
    {
        // (−2)^b: no base partial to check, so the power itself must check its base; Math.Pow gives −8 at b = 3.
        var builder = new GraphBuilder("f");
        var b = builder.AddInput("b");
        builder.MarkOutput("r", builder.Apply(OpKind.Pow, SourceSpan.None, Operand.Constant(-2), b));
        var graph = builder.Build();
        var function = Compile.Jacobian(graph, StandardOrders.Forward(graph), VectorLaneEmitter.Widest);
        double[] x = [.. Enumerable.Range(0, 16).Select(p => p % 2 == 0 ? 3.0 : 2.0)];
        var outputs = new double[x.Length];
        var jacobians = new double[x.Length];
        function.EvaluateBatch(x, outputs, jacobians, x.Length);
        Assert.All(outputs, (r, p) => Assert.Equal(p % 2 == 0 ? -8.0 : 4.0, r));
    }

    /// <summary><paramref name="point"/> in the middle lane of a vector of fillers.</summary>
    private static IEnumerable<(double A, double B)> OneInAVector((double A, double B) point, int lanes) =>
        Enumerable.Range(0, lanes).Select(lane => lane == lanes / 2 ? point : Filler);

    /// <summary>Evaluates the batch and compares the output and both partials of each point with a single-point call.</summary>
    private static void AssertAgrees(VectorLaneEmitter lanes, BatchLayout layout, List<(double A, double B)> points)
    {
        var graph = TaskGraphs.PowerOfTwoInputs();
        var function = Compile.Jacobian(graph, StandardOrders.Forward(graph), lanes);
        int count = points.Count;
        bool perPoint = layout == BatchLayout.PerPoint;
        var x = new double[2 * count];
        for (int p = 0; p < count; p++)
        {
            if (perPoint) (x[2 * p], x[2 * p + 1]) = points[p];
            else (x[p], x[count + p]) = points[p];
        }
        var outputs = new double[count];
        var jacobians = new double[2 * count];
        function.EvaluateBatch(x, outputs, jacobians, count, layout);
        for (int p = 0; p < count; p++)
        {
            var (expectedOutput, expectedJacobian) = Compile.At(function, [points[p].A, points[p].B]);
            string where = $"{lanes.Lanes} lanes, {layout}, point {p} {points[p]}";
            Close.Equal(expectedOutput[0], outputs[p], $"{where} r");
            Close.Equal(expectedJacobian[0], jacobians[perPoint ? 2 * p : p], $"{where} ∂r/∂a");
            Close.Equal(expectedJacobian[1], jacobians[perPoint ? 2 * p + 1 : count + p], $"{where} ∂r/∂b");
        }
    }
}
