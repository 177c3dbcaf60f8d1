using Elim.Backend.Cpu;
using Elim.Backend.Emit;
using Elim.Graph;

namespace Elim.Backend.Tests;

/// <summary>
/// Vector kernels run r = a^b and ∂r/∂a inline and recompute with the scalar kernel every vector in which a lane met
/// a special value: those points equal single-point calls bit for bit, the others agree to rounding.
/// </summary>
public class RedoLanesTests
{
    private static readonly (double A, double B) Filler = (1.3, 0.7);

    public static TheoryData<BatchLayout> Layouts() => new(Enum.GetValues<BatchLayout>());

    [Theory]
    [MemberData(nameof(Layouts))]
    public void VectorsWithASpecialPowLaneEqualTheSinglePointCode(BatchLayout layout)
    {
        // A base of 0, a negative base, a power that underflows (where b·r/a would be 0 but b·a^(b−1) is 1.1e-30), an
        // infinite exponent; each in a vector of ordinary points.
        (double A, double B)[] specials = [(0, 2.5), (-2, 3), (1e-300, 1.1), (0.5, double.PositiveInfinity)];
        foreach (var lanes in (VectorLaneEmitter[])[VectorLaneEmitter.Four, VectorLaneEmitter.Eight])
        {
            var points = specials.SelectMany(special => OneInAVector(special, lanes.Lanes)).ToList();
            ForEachPoint(lanes, layout, points, (where, expected, actual) => Assert.True(expected.Equals(actual), $"{where}: expected {expected:R}, got {actual:R}"));
        }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void EveryPairOfEdgeArgumentsAgreesWithTheSinglePointCode(BatchLayout layout)
    {
        double[] values =
            [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -3.0, 1e-310, 1e300, -1e300, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 0.3, 9.0];
        foreach (var lanes in (VectorLaneEmitter[])[VectorLaneEmitter.Four, VectorLaneEmitter.Eight])
        {
            var points = values.SelectMany(a => values.SelectMany(b => OneInAVector((a, b), lanes.Lanes))).ToList();
            ForEachPoint(lanes, layout, points, (where, expected, actual) => Close.Equal(expected, actual, where));
        }
    }

    [Fact]
    public void AConstantNegativeBaseKeepsTheScalarPowers()
    {
        // (−2)^b: no base partial to check, so the power itself marks its lanes; Math.Pow gives −8 at b = 3.
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

    [Theory]
    [MemberData(nameof(Layouts))]
    public void OrdinaryVectorsTakeTheFastPath(BatchLayout layout)
    {
        // Not bit for bit: e^(b·ln a) and b·(r/a) round differently from Math.Pow and the scalar slope somewhere here.
        var points = Enumerable.Range(0, 64).Select(p => (0.5 + 0.1 * p, 1.5 - 0.05 * p)).ToList();
        bool anyDifferent = false;
        ForEachPoint(VectorLaneEmitter.Widest, layout, points, (where, expected, actual) =>
        {
            Close.Equal(expected, actual, where);
            anyDifferent |= !expected.Equals(actual);
        });
        Assert.True(anyDifferent, "every ordinary point equals the scalar code bit for bit: the vector fast path did not run");
    }

    /// <summary><paramref name="point"/> in the middle lane of a vector of fillers.</summary>
    private static IEnumerable<(double A, double B)> OneInAVector((double A, double B) point, int lanes) =>
        Enumerable.Range(0, lanes).Select(lane => lane == lanes / 2 ? point : Filler);

    /// <summary>Evaluates the batch and compares the output and both partials of each point with a single-point call.</summary>
    private static void ForEachPoint(VectorLaneEmitter lanes, BatchLayout layout, List<(double A, double B)> points,
        Action<string, double, double> compare)
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
            compare($"{where} r", expectedOutput[0], outputs[p]);
            compare($"{where} ∂r/∂a", expectedJacobian[0], jacobians[perPoint ? 2 * p : p]);
            compare($"{where} ∂r/∂b", expectedJacobian[1], jacobians[perPoint ? 2 * p + 1 : count + p]);
        }
    }
}
