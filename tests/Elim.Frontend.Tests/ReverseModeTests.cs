using Elim.Frontend.Lowering;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Frontend.Tests;

/// <summary>
/// Reverse mode built in the graph, on graphs built by hand as the lowering of <c>grad(f)(args…)</c> builds
/// them: the gradient's values against the interpreter's reverse mode of f, its Jacobian (f's Hessian)
/// against central differences of that reference gradient, and the Hessian's symmetry.
/// </summary>
public class ReverseModeTests
{
    private const double GradientTolerance = 1e-12;
    private const double SymmetryTolerance = 1e-10;
    private static readonly SourceSpan None = SourceSpan.None;

    public static TheoryData<OpKind> Kinds() => new(Enum.GetValues<OpKind>());

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 30));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_operation_combined_with_others_has_the_reference_gradient_and_Hessian(OpKind kind)
    {
        int[] exponents = kind == OpKind.IntegerPow ? [-3, -1, 0, 1, 2, 3] : [2];
        foreach (int exponent in exponents)
        {
            var f = new ScalarFunction($"{kind}^{exponent}", 2, 0, (b, p, _) =>
            {
                // f(x, y) = op(x·y, sin(y) + x, …) · (x + cos y), each operand kept in op's domain.
                Operand[] operands = [Op(b, OpKind.Mul, p[0], p[1]), Op(b, OpKind.Add, Op(b, OpKind.Sin, p[1]), p[0]), p[1]];
                int next = 0;
                var value = DomainSafe.Apply(b, kind, () => operands[next++ % operands.Length], exponent);
                return Op(b, OpKind.Mul, value, Op(b, OpKind.Add, p[0], Op(b, OpKind.Cos, p[1])));
            });
            Assert.Contains(f.Primal().Vertices, v => v.Op == kind);
            for (int seed = 1; seed <= 4; seed++)
            {
                var (x, _) = f.RandomPoint(seed);
                Assert.Equal(0, CheckGradientAndHessian(f, x, []));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_compositions_of_every_operation_have_the_reference_gradient_and_Hessian(int seed)
    {
        var f = RandomScalarFunctions.Create(seed, parameters: 1 + seed % 4, data: seed % 3, operations: 10 + seed % 25);
        int unresolved = 0;
        for (int k = 0; k < 3; k++)
        {
            var (x, data) = f.RandomPoint(seed * 10 + k);
            unresolved += CheckGradientAndHessian(f, x, data);
        }
        // A comparison that flips within a difference step leaves an entry unresolved; most must be judged.
        Assert.True(unresolved <= 3 * f.ParameterCount * f.ParameterCount / 4, $"{unresolved} Hessian entries unresolved");
    }

    public static TheoryData<string, OpKind, OpKind?> Repeated() => new()
    {
        { "x·x", OpKind.Mul, null }, { "x/x", OpKind.Div, null }, { "x−x", OpKind.Sub, null }, { "x+x", OpKind.Add, null },
        { "pow(x, x)", OpKind.Pow, null }, { "atan2(x, x)", OpKind.Atan2, null }, { "min(x, x)", OpKind.Min, null },
        { "max(x, x)", OpKind.Max, null }, { "select(c, x, x)", OpKind.Select, null }, { "sin(x)·sin(x)", OpKind.Mul, OpKind.Sin },
    };

    [Theory]
    [MemberData(nameof(Repeated))]
    public void An_operand_read_twice_gets_both_contributions(string name, OpKind kind, OpKind? inner)
    {
        var f = new ScalarFunction(name, 2, 0, (b, p, _) =>
        {
            // A positive x (in (0.2, 1.2)) keeps pow and atan2 in their domains.
            var x = Op(b, OpKind.Add, Op(b, OpKind.Logistic, Op(b, OpKind.Mul, p[0], p[1])), Operand.Constant(0.2));
            if (inner is { } g) x = Op(b, g, x);
            var value = kind == OpKind.Select ? Op(b, kind, Op(b, OpKind.Less, p[1], p[0]), x, x) : Op(b, kind, x, x);
            return Op(b, OpKind.Mul, value, Op(b, OpKind.Exp, p[1]));
        });
        for (int seed = 1; seed <= 3; seed++) Assert.Equal(0, CheckGradientAndHessian(f, f.RandomPoint(seed).X, []));
    }

    [Fact]
    public void Data_inputs_change_the_gradient_but_get_no_adjoint_and_no_column()
    {
        var f = new ScalarFunction("with data", 2, 2, (b, p, d) =>
        {
            var weighted = Op(b, OpKind.Mul, d[0], Op(b, OpKind.Sin, p[0]));
            var power = Op(b, OpKind.Pow, Op(b, OpKind.Add, Op(b, OpKind.Square, p[1]), Operand.Constant(0.5)), d[1]);
            var chosen = Op(b, OpKind.Select, Op(b, OpKind.Less, d[0], p[0]), Op(b, OpKind.Mul, p[0], d[1]), Op(b, OpKind.Cos, p[1]));
            return Op(b, OpKind.Add, Op(b, OpKind.Add, weighted, power), Op(b, OpKind.Mul, chosen, Op(b, OpKind.Sin, d[1])));
        });
        var gradientGraph = f.GradientGraph(ReverseMode.Gradient);
        Assert.Equal((2, 2), (gradientGraph.InputCount, gradientGraph.DataCount));
        double[] x = [0.4, -0.8];
        double[] first = [-0.3, 1.7], second = [0.9, -1.1];
        Assert.Equal(0, CheckGradientAndHessian(f, x, first));
        Assert.Equal(0, CheckGradientAndHessian(f, x, second));
        Assert.NotEqual(Interpreter.Evaluate(gradientGraph, x, first), Interpreter.Evaluate(gradientGraph, x, second));
    }

    [Fact]
    public void A_constant_passed_for_a_parameter_has_its_gradient_and_Hessian_column_is_absent()
    {
        // grad(f)(x, 2) for f(p, q) = p²·q + sin(p·q): q is bound to a copy of the constant.
        Operand Body(GraphBuilder b, Operand p, Operand q) =>
            Op(b, OpKind.Add, Op(b, OpKind.Mul, b.IntegerPower(p, 2, None), q), Op(b, OpKind.Sin, Op(b, OpKind.Mul, p, q)));
        var f = new ScalarFunction("f", 2, 0, (b, p, _) => Body(b, p[0], p[1]));

        var builder = new GraphBuilder("grad f at (x, 2)");
        var input = builder.AddInput("x");
        Operand[] parameters = [builder.Copy(input, None), builder.Copy(Operand.Constant(2), None)];
        var gradient = ReverseMode.Gradient(builder, 1, Body(builder, parameters[0], parameters[1]), parameters, None);
        ScalarFunction.MarkOutputs(builder, gradient, "g");
        var withConstant = builder.Build();

        double[] x = [0.7];
        double[] both = [0.7, 2];
        var reference = Interpreter.ReverseJacobian(f.Primal(), both);
        JacobianComparison.AssertClose(reference, AsRow(Interpreter.Evaluate(withConstant, x)), GradientTolerance, "gradient:");
        // Its Jacobian is the first column of f's Hessian at (x, 2).
        var hessian = Interpreter.ForwardJacobian(f.GradientGraph(ReverseMode.Gradient), both);
        FiniteDifferences.AssertHessianMatches(f.Primal(), both, hessian);
        JacobianComparison.AssertClose(Column(hessian, 0), Interpreter.ForwardJacobian(withConstant, x), GradientTolerance, "Hessian column:");
    }

    [Fact]
    public void One_value_passed_twice_is_two_parameters()
    {
        // grad(f)(x, x) for f(p, q) = p·sin(q) + q³: ∂f/∂p = sin x, ∂f/∂q = x·cos x + 3x².
        Operand Body(GraphBuilder b, Operand p, Operand q) =>
            Op(b, OpKind.Add, Op(b, OpKind.Mul, p, Op(b, OpKind.Sin, q)), b.IntegerPower(q, 3, None));
        var builder = new GraphBuilder("grad f at (x, x)");
        var input = builder.AddInput("x");
        Operand[] parameters = [builder.Copy(input, None), builder.Copy(input, None)];
        ScalarFunction.MarkOutputs(builder, ReverseMode.Gradient(builder, 1, Body(builder, parameters[0], parameters[1]), parameters, None), "g");
        var graph = builder.Build();

        double x = 0.6;
        var gradient = Interpreter.Evaluate(graph, [x]);
        Assert.Equal(Math.Sin(x), gradient[0], 15);
        Assert.Equal(x * Math.Cos(x) + 3 * x * x, gradient[1], 14);
        // d/dx of (sin x, x cos x + 3x²).
        var jacobian = Interpreter.ForwardJacobian(graph, [x]);
        Assert.Equal(Math.Cos(x), jacobian[0, 0], 14);
        Assert.Equal(Math.Cos(x) - x * Math.Sin(x) + 6 * x, jacobian[1, 0], 14);
    }

    [Fact]
    public void An_output_that_does_not_depend_on_the_parameters_has_a_zero_gradient_and_appends_nothing()
    {
        var builder = new GraphBuilder("independent");
        var x = builder.AddInput("x");
        var d = builder.AddData("d");
        var before = Op(builder, OpKind.Sin, x);
        Operand[] parameters = [builder.Copy(x, None)];
        var dataOnly = Op(builder, OpKind.Cos, d);
        int count = builder.VertexCount;
        foreach (var output in new[] { Operand.Constant(3), x, d, before, dataOnly })
        {
            Assert.Equal(new[] { Operand.Constant(0) }, ReverseMode.Gradient(builder, 2, output, parameters, None));
            Assert.Equal(count, builder.VertexCount);
        }
    }

    [Fact]
    public void Values_from_before_the_range_are_constants_of_the_helper()
    {
        // u = sin(x) is computed before the helper; f(p) = p·u reads it: ∂f/∂p = u itself, whose Jacobian is cos x.
        var builder = new GraphBuilder("outer");
        var x = builder.AddInput("x");
        var u = Op(builder, OpKind.Sin, x);
        Operand[] parameters = [builder.Copy(u, None)];
        var output = Op(builder, OpKind.Mul, parameters[0], u);
        var gradient = ReverseMode.Gradient(builder, 2, output, parameters, None);
        Assert.Equal(new[] { u }, gradient);
        ScalarFunction.MarkOutputs(builder, gradient, "g");
        Assert.Equal(Math.Cos(0.3), Interpreter.ForwardJacobian(builder.Build(), [0.3])[0, 0], 15);
    }

    public static TheoryData<string, int> Lean() => new()
    {
        { "x + y", 0 }, { "3·x − y", 0 }, { "x·y", 0 }, { "−x", 0 }, { "x·0", 0 }, { "exp(x)", 0 }, { "sin(x)", 1 },
        { "x + sin(cos(d))", 0 },
    };

    [Theory]
    [MemberData(nameof(Lean))]
    public void Gradients_add_no_vertex_for_zero_or_unit_factors_and_reuse_primal_values(string body, int added)
    {
        var builder = new GraphBuilder(body);
        var inputs = new[] { builder.AddInput("x"), builder.AddInput("y") };
        var d = builder.AddData("d");
        var p = inputs.Select(i => builder.Copy(i, None)).ToArray();
        Operand output = body switch
        {
            "x + y" => Op(builder, OpKind.Add, p[0], p[1]),
            "3·x − y" => Op(builder, OpKind.Sub, Op(builder, OpKind.Mul, Operand.Constant(3), p[0]), p[1]),
            "x·y" => Op(builder, OpKind.Mul, p[0], p[1]),
            "−x" => Op(builder, OpKind.Neg, p[0]),
            "x·0" => Op(builder, OpKind.Mul, p[0], Operand.Constant(0)),
            "exp(x)" => Op(builder, OpKind.Exp, p[0]),
            "sin(x)" => Op(builder, OpKind.Sin, p[0]),
            _ => Op(builder, OpKind.Add, p[0], Op(builder, OpKind.Sin, Op(builder, OpKind.Cos, d))),
        };
        int before = builder.VertexCount;
        var gradient = ReverseMode.Gradient(builder, 1, output, p, None);
        Assert.Equal(added, builder.VertexCount - before);
        Operand[] expected = body switch
        {
            "x + y" => [Operand.Constant(1), Operand.Constant(1)],
            "3·x − y" => [Operand.Constant(3), Operand.Constant(-1)],
            "x·y" => [p[1], p[0]],
            "−x" => [Operand.Constant(-1), Operand.Constant(0)],
            "x·0" => [Operand.Constant(0), Operand.Constant(0)],
            "exp(x)" => [output, Operand.Constant(0)],
            "sin(x)" => [Operand.Vertex(before + 1), Operand.Constant(0)],
            _ => [Operand.Constant(1), Operand.Constant(0)],
        };
        Assert.Equal(expected, gradient);
        if (added == 1) Assert.Equal(OpKind.Cos, builder.VertexAt(before + 1).Op);
    }

    public static TheoryData<OpKind, double, double> Conventions() => new()
    {
        { OpKind.Abs, 0, 1 }, { OpKind.Min, 0.5, 0.5 }, { OpKind.Max, -2, -2 }, { OpKind.Pow, 0, 2 }, { OpKind.Pow, 0, 0 },
        { OpKind.Pow, 0, -1 }, { OpKind.Pow, 2, 0 }, { OpKind.Pow, -1, 0.5 }, { OpKind.IntegerPow, 0, 0 }, { OpKind.Sqrt, 0, 0 },
        { OpKind.Select, 0, 1 }, { OpKind.Select, 1, 1 }, { OpKind.Div, 1, 0 },
    };

    [Theory]
    [MemberData(nameof(Conventions))]
    public void Gradients_at_kinks_and_domain_edges_follow_the_conventions_of_OpRules(OpKind kind, double x, double y)
    {
        // select(x, x, y) reads its condition from an arm; integer_pow is x^0.
        var f = new ScalarFunction($"{kind}({x}, {y})", 2, 0, (b, p, _) => kind switch
        {
            OpKind.IntegerPow => b.IntegerPower(p[0], 0, None),
            OpKind.Select => Op(b, kind, p[0], p[0], p[1]),
            _ when OpRules.Of(kind).Arity == 1 => Op(b, kind, p[0]),
            _ => Op(b, kind, p[0], p[1]),
        });
        var reference = Interpreter.ReverseJacobian(f.Primal(), [x, y]);
        var gradient = Interpreter.Evaluate(f.GradientGraph(ReverseMode.Gradient), [x, y]);
        Assert.Equal(FirstRow(reference), gradient);
    }

    [Fact]
    public void Variables_must_be_vertices_of_the_range()
    {
        var builder = new GraphBuilder("range");
        var x = builder.AddInput("x");
        var u = Op(builder, OpKind.Sin, x);
        var p = builder.Copy(u, None);
        Assert.Throws<ArgumentException>(() => ReverseMode.Gradient(builder, 2, p, [u], None));
        Assert.Throws<ArgumentException>(() => ReverseMode.Gradient(builder, 2, p, [x], None));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReverseMode.Gradient(builder, 4, p, [], None));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReverseMode.Gradient(builder, 0, p, [p], None));
    }

    /// <summary>
    /// Checks (a) the gradient's values against the interpreter's reverse mode of f, (b) their Jacobian
    /// against central differences of that reference gradient, (c) its symmetry; returns how many Hessian
    /// entries differences could not resolve.
    /// </summary>
    private static int CheckGradientAndHessian(ScalarFunction f, double[] x, double[] data)
    {
        var primal = f.Primal();
        var gradientGraph = f.GradientGraph(ReverseMode.Gradient);
        string at = $"{f.Name} at ({string.Join(", ", x)}; {string.Join(", ", data)})";
        Assert.True(double.IsFinite(Interpreter.Evaluate(primal, x, data)[0]), $"{at}: outside the domain");

        var reference = Interpreter.ReverseJacobian(primal, x, data);
        var gradient = AsRow(Interpreter.Evaluate(gradientGraph, x, data));
        JacobianComparison.AssertClose(reference, gradient, GradientTolerance, $"{at} gradient:", scale: RoundingScale.Of(primal, x, data));

        // stop_gradient cuts paths on purpose: differences see them and the Hessian need not be symmetric.
        // The torch oracle (ReverseModeHessianOracleTests, with detach) judges those functions instead.
        if (primal.Vertices.Any(v => v.Op == OpKind.StopGradient)) return 0;
        var hessian = Interpreter.ForwardJacobian(gradientGraph, x, data);
        int unresolved = FiniteDifferences.AssertHessianMatches(primal, x, hessian, data, $"{at} Hessian:");
        JacobianComparison.AssertClose(hessian, Transpose(hessian), SymmetryTolerance, $"{at} symmetry:",
            scale: RoundingScale.Of(gradientGraph, x, data));
        return unresolved;
    }

    private static Operand Op(GraphBuilder builder, OpKind kind, params Operand[] operands) => builder.Apply(kind, None, operands);

    private static double[,] AsRow(double[] values)
    {
        var row = new double[1, values.Length];
        for (int i = 0; i < values.Length; i++) row[0, i] = values[i];
        return row;
    }

    private static double[] FirstRow(double[,] matrix) => Enumerable.Range(0, matrix.GetLength(1)).Select(i => matrix[0, i]).ToArray();

    private static double[,] Column(double[,] matrix, int column)
    {
        var result = new double[matrix.GetLength(0), 1];
        for (int i = 0; i < matrix.GetLength(0); i++) result[i, 0] = matrix[i, column];
        return result;
    }

    private static double[,] Transpose(double[,] matrix)
    {
        var result = new double[matrix.GetLength(1), matrix.GetLength(0)];
        for (int i = 0; i < matrix.GetLength(0); i++)
            for (int j = 0; j < matrix.GetLength(1); j++) result[j, i] = matrix[i, j];
        return result;
    }
}
