using Elim.Backend.Emit;
using Elim.Backend.Rules;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Backend.Tests;

/// <summary>Every operation, alone, compiles to the interpreter's values and partials, including domain conventions.</summary>
public class OpSemanticsTests
{
    public static TheoryData<OpKind> Kinds() => new(Enum.GetValues<OpKind>());

    [Fact]
    public void EveryOpKindHasAnEmitRule()
    {
        Assert.Equal(Enum.GetValues<OpKind>(), EmitRules.All.Select(r => r.Kind));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EmitRulesHavePartialsExactlyWhereOpRulesDo(OpKind kind)
    {
        var rule = OpRules.Of(kind);
        var program = new Program.ProgramBuilder();
        var partials = EmitRules.Of(kind).Partials(program, program.Input(0), program.Input(1), program.Input(2), program.Input(3), 2);
        Assert.Equal(rule.Arity, partials.Length);
        for (int j = 0; j < rule.Arity; j++) Assert.Equal(rule.IsDifferentiable(j), partials[j] is not null);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SingleOperationMatchesTheInterpreter(OpKind kind)
    {
        foreach (var (graph, points) in Cases(kind))
        {
            var function = Compile.Jacobian(graph, StandardOrders.Forward(graph));
            foreach (var point in points)
            {
                var (outputs, jacobian) = Compile.At(function, point);
                Close.Equal(Interpreter.Evaluate(graph, point)[0], outputs[0], $"{kind} at ({string.Join(", ", point)})");
                Close.Equal(Interpreter.ForwardJacobian(graph, point), jacobian, $"{kind} at ({string.Join(", ", point)})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void VectorLanesGiveTheScalarResults(OpKind kind)
    {
        foreach (var (graph, points) in Cases(kind))
        {
            foreach (var lanes in (VectorLaneEmitter[])[VectorLaneEmitter.Four, VectorLaneEmitter.Eight])
            {
                var function = Compile.Jacobian(graph, StandardOrders.Forward(graph), lanes);
                foreach (var layout in Enum.GetValues<BatchLayout>())
                    AssertBatchGivesTheScalarResults(function, points, layout, $"{kind}, {lanes.Lanes} lanes, {layout}");
            }
        }
    }

    /// <summary>Every point in every lane position, batched in <paramref name="layout"/>, equals the single-point code.</summary>
    private static void AssertBatchGivesTheScalarResults(JacobianFunction function, double[][] points, BatchLayout layout, string where)
    {
        int lanes = function.Code.Vector.Lanes, n = function.InputCount, m = function.OutputCount;
        int count = points.Length * lanes + 1; // a scalar tail too
        var perPoint = Enumerable.Range(0, count).Select(p => points[(p + p / points.Length) % points.Length]).ToArray();
        var outputs = new double[count * m];
        var jacobians = new double[count * m * n];
        function.EvaluateBatch(Batches.Lay(perPoint, layout), outputs, jacobians, count, layout);
        double tolerance = UsesApproximateVectorMath(function) ? 1e-15 : 0; // vectorised transcendental functions: a few ulp
        for (int p = 0; p < count; p++)
        {
            var (single, singleJacobian) = Compile.At(function, perPoint[p]);
            for (int k = 0; k < m; k++)
                Same(single[k], outputs[Batches.Index(layout, p, k, m, count)], $"{where}, point {p}: y[{k}]");
            for (int k = 0; k < m * n; k++)
                Same(singleJacobian[k], jacobians[Batches.Index(layout, p, k, m * n, count)], $"{where}, point {p}: J[{k}]");
        }

        void Same(double expected, double actual, string at)
        {
            if (tolerance == 0) Assert.True(expected.Equals(actual), $"{at}: expected {expected:R}, got {actual:R}.");
            else Close.Equal(expected, actual, at, tolerance);
        }
    }

    private static bool UsesApproximateVectorMath(JacobianFunction function) =>
        function.Code.Program.Instructions.Any(i => Emit.VectorMethods.IsApproximate(i.Op));

    [Fact]
    public void ConventionsAtTheEdgesOfDomains()
    {
        Assert.Equal([0.0], Derivative(OpKind.Abs, 0.0));
        Assert.Equal([-1.0], Derivative(OpKind.Abs, -2.0));
        Assert.Equal([0.5, 0.5], Derivative(OpKind.Min, 1.5, 1.5));
        Assert.Equal([0.5, 0.5], Derivative(OpKind.Max, 1.5, 1.5));
        Assert.Equal([0.0, 1.0], Derivative(OpKind.Max, 1.0, 2.0));
        Assert.Equal(0.0, Derivative(OpKind.Pow, 0.0, 2.5)[1]); // ∂(x^y)/∂y = 0 at x = 0
        Assert.Equal(0.0, Derivative(OpKind.Pow, 3.0, 0.0)[0]); // ∂(x^0)/∂x = 0
        Assert.Equal(double.PositiveInfinity, Derivative(OpKind.Sqrt, 0.0)[0]);
    }

    [Fact]
    public void NaNInputsGiveNaNOutputs()
    {
        var graph = TaskGraphs.Of("RoeFlux_1d");
        var function = Compile.Jacobian(graph, StandardOrders.Reverse(graph));
        var point = PaperTask.Named("RoeFlux_1d").TypicalPoint.ToArray();
        point[2] = double.NaN;
        var (outputs, jacobian) = Compile.At(function, point);
        Assert.All(outputs, y => Assert.True(double.IsNaN(y)));
        Assert.Contains(jacobian, double.IsNaN);
    }

    private static double[] Derivative(OpKind kind, params double[] point)
    {
        var graph = Single(kind, point.Length, sameOperand: false, exponent: 0);
        return Compile.At(Compile.Jacobian(graph, StandardOrders.Forward(graph)), point).Jacobian;
    }

    private static IEnumerable<(ComputationalGraph, double[][])> Cases(OpKind kind)
    {
        int arity = OpRules.Of(kind).Arity;
        if (kind == OpKind.IntegerPow)
        {
            foreach (int n in new[] { -3, -1, 0, 1, 2, 3, 5, 8 })
                yield return (Single(kind, 1, false, n), [[0.7], [-1.3], [2.1]]);
            yield break;
        }
        var points = OpPoints.Of(kind, arity);
        yield return (Single(kind, arity, sameOperand: false, exponent: 0), points);
        if (arity == 2 && kind != OpKind.Pow)
            yield return (Single(kind, 1, sameOperand: true, exponent: 0), points.Select(p => new[] { p[0] }).ToArray());
    }

    /// <summary>y = op(a, b), or op(a, a) with <paramref name="sameOperand"/> (one edge, partials summed).</summary>
    private static ComputationalGraph Single(OpKind kind, int inputs, bool sameOperand, int exponent)
    {
        var builder = new GraphBuilder(kind.ToString());
        var operands = Enumerable.Range(0, inputs).Select(i => builder.AddInput($"x{i}")).ToArray();
        Operand result = kind == OpKind.IntegerPow
            ? builder.IntegerPower(operands[0], exponent, SourceSpan.None)
            : kind == OpKind.Copy
                ? builder.Copy(operands[0], SourceSpan.None)
                : builder.Apply(kind, SourceSpan.None, sameOperand ? [operands[0], operands[0]] : operands.Take(OpRules.Of(kind).Arity).ToArray());
        builder.MarkOutput("y", result);
        return builder.Build();
    }
}
