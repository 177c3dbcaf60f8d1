using Elim.Graph;
using Elim.TorchBridge;

namespace Elim.TorchOracle.Tests;

/// <summary>
/// Every partial rule of <see cref="OpRules"/> against torch's backward formula: one-vertex graphs
/// op(x), op(x, y), op(x, c), op(c, x) and op(x, x) at points inside each operation's domain, away from
/// kinks and ties. A one-vertex graph's Jacobian is its local partials, so a disagreement names the rule.
/// Comparisons and logic are checked at ties and zeros too: their values must agree, their partials are 0.
/// </summary>
public sealed class OpRuleOracleTests
{
    private const double ValueTolerance = 1e-13;
    private const double PartialTolerance = 1e-12;

    private static readonly double[] Reals = [-2.3, -0.7, -0.05, 0.3, 1.1, 2.9];
    private static readonly double[] Positive = [0.05, 0.4, 1.0, 2.5, 7.0];
    private static readonly double[] OpenUnit = [-0.95, -0.4, 0.01, 0.5, 0.9];
    private static readonly double[] BeyondOne = [1.02, 1.5, 3.0, 10.0];
    private static readonly double[] AboveMinusOne = [-0.9, -0.3, 0.02, 1.5, 6.0];
    private static readonly double[] NonZero = [-2.3, -0.7, -0.05, 0.3, 1.1, 2.9];
    private static readonly double[] AwayFromPoles = [-1.4, -0.6, 0.02, 0.8, 1.3];
    private static readonly double[] Truths = [-1.5, 0, 0.7];

    /// <summary>Points inside the domain of each unary operation.</summary>
    private static readonly Dictionary<OpKind, double[]> UnaryDomains = new()
    {
        [OpKind.Copy] = Reals, [OpKind.Neg] = Reals, [OpKind.Sin] = Reals, [OpKind.Cos] = Reals,
        [OpKind.Tan] = AwayFromPoles, [OpKind.Asin] = OpenUnit, [OpKind.Acos] = OpenUnit, [OpKind.Atan] = Reals,
        [OpKind.Sinh] = Reals, [OpKind.Cosh] = Reals, [OpKind.Tanh] = Reals, [OpKind.Asinh] = Reals,
        [OpKind.Acosh] = BeyondOne, [OpKind.Atanh] = OpenUnit, [OpKind.Exp] = Reals, [OpKind.Log] = Positive,
        [OpKind.Log1p] = AboveMinusOne, [OpKind.Sqrt] = Positive, [OpKind.Abs] = NonZero, [OpKind.Erf] = Reals,
        [OpKind.Logistic] = Reals, [OpKind.Square] = Reals, [OpKind.Not] = Truths, [OpKind.StopGradient] = Reals,
    };

    /// <summary>Operand pairs inside the domain of each binary operation, with no ties for min and max.</summary>
    private static readonly Dictionary<OpKind, (double A, double B)[]> BinaryDomains = new()
    {
        [OpKind.Add] = Pairs(Reals, Reals), [OpKind.Sub] = Pairs(Reals, Reals), [OpKind.Mul] = Pairs(Reals, Reals),
        [OpKind.Div] = Pairs(Reals, NonZero), [OpKind.Pow] = Pairs(Positive, Reals),
        [OpKind.Atan2] = Pairs(Reals, NonZero), [OpKind.Min] = Untied(Pairs(Reals, Reals)), [OpKind.Max] = Untied(Pairs(Reals, Reals)),
        [OpKind.Less] = Pairs(Reals, Reals), [OpKind.LessEqual] = Pairs(Reals, Reals), [OpKind.Equal] = Pairs(Reals, Reals),
        [OpKind.NotEqual] = Pairs(Reals, Reals), [OpKind.And] = Pairs(Truths, Truths), [OpKind.Or] = Pairs(Truths, Truths),
    };

    /// <summary>Operations whose op(x, x) stays in the domain (min and max there are ties, checked separately).</summary>
    private static readonly Dictionary<OpKind, double[]> SelfDomains = new()
    {
        [OpKind.Add] = Reals, [OpKind.Sub] = Reals, [OpKind.Mul] = Reals, [OpKind.Div] = NonZero,
        [OpKind.Pow] = Positive, [OpKind.Atan2] = NonZero, [OpKind.Less] = Reals, [OpKind.LessEqual] = Reals,
        [OpKind.Equal] = Reals, [OpKind.NotEqual] = Reals, [OpKind.And] = Truths, [OpKind.Or] = Truths,
    };

    [Fact]
    public void EveryOpKindIsCoveredHere()
    {
        var covered = UnaryDomains.Keys.Concat(BinaryDomains.Keys).Append(OpKind.IntegerPow).Append(OpKind.Select).ToHashSet();
        var missing = Enum.GetValues<OpKind>().Where(kind => !covered.Contains(kind)).ToArray();
        Assert.Empty(missing);
    }

    public static TheoryData<OpKind> UnaryKinds() => new(UnaryDomains.Keys);

    public static TheoryData<OpKind> BinaryKinds() => new(BinaryDomains.Keys);

    public static TheoryData<OpKind> SelfKinds() => new(SelfDomains.Keys);

    [Theory]
    [MemberData(nameof(UnaryKinds))]
    public void UnaryPartialAgreesWithTorch(OpKind kind)
    {
        var builder = new GraphBuilder(kind.ToString());
        var x = builder.AddInput("x");
        builder.MarkOutput("y", builder.Apply(kind, SourceSpan.None, x));
        var graph = builder.Build();
        foreach (double a in UnaryDomains[kind]) Check(graph, [a]);
    }

    [Theory]
    [MemberData(nameof(BinaryKinds))]
    public void BinaryPartialsAgreeWithTorch(OpKind kind)
    {
        var builder = new GraphBuilder(kind.ToString());
        var x = builder.AddInput("x");
        var y = builder.AddInput("y");
        builder.MarkOutput("xy", builder.Apply(kind, SourceSpan.None, x, y));
        var graph = builder.Build();
        foreach (var (a, b) in BinaryDomains[kind]) Check(graph, [a, b]);
    }

    [Theory]
    [MemberData(nameof(BinaryKinds))]
    public void BinaryPartialsWithAConstantOperandAgreeWithTorch(OpKind kind)
    {
        foreach (var (a, b) in BinaryDomains[kind].Take(12))
        {
            // The constant is the other coordinate of a domain pair, so both forms stay in the domain.
            var first = new GraphBuilder($"{kind}(x,{b})");
            var x = first.AddInput("x");
            first.MarkOutput("y", first.Apply(kind, SourceSpan.None, x, Operand.Constant(b)));
            Check(first.Build(), [a]);

            var second = new GraphBuilder($"{kind}({a},x)");
            var u = second.AddInput("x");
            second.MarkOutput("y", second.Apply(kind, SourceSpan.None, Operand.Constant(a), u));
            Check(second.Build(), [b]);
        }
    }

    [Theory]
    [MemberData(nameof(SelfKinds))]
    public void PartialsOfAnOperandReadTwiceAreSummedAsTorchDoes(OpKind kind)
    {
        var builder = new GraphBuilder($"{kind}(x,x)");
        var x = builder.AddInput("x");
        builder.MarkOutput("y", builder.Apply(kind, SourceSpan.None, x, x));
        var graph = builder.Build();
        foreach (double a in SelfDomains[kind]) Check(graph, [a]);
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(-3)]
    [InlineData(-2)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void IntegerPowerPartialAgreesWithTorch(int exponent)
    {
        var builder = new GraphBuilder($"x^{exponent}");
        var x = builder.AddInput("x");
        builder.MarkOutput("y", builder.IntegerPower(x, exponent, SourceSpan.None));
        var graph = builder.Build();
        foreach (double a in NonZero) Check(graph, [a]);
    }

    [Theory]
    [InlineData(OpKind.Min)]
    [InlineData(OpKind.Max)]
    public void TiesOfMinAndMaxSplitTheDerivativeAsTorchDoes(OpKind kind)
    {
        var builder = new GraphBuilder($"{kind} tie");
        var x = builder.AddInput("x");
        var y = builder.AddInput("y");
        builder.MarkOutput("xy", builder.Apply(kind, SourceSpan.None, x, y));
        foreach (double a in Reals) Check(builder.Build(), [a, a]);
    }

    [Fact]
    public void SelectPicksAnArmAndPassesItsPartialAsTorchWhereDoes()
    {
        // select(c, x, y), and the forms that read one value twice: select(x, x, y) and select(c, x, x).
        var builder = new GraphBuilder("select");
        var c = builder.AddInput("c");
        var x = builder.AddInput("x");
        var y = builder.AddInput("y");
        builder.MarkOutput("plain", builder.Apply(OpKind.Select, SourceSpan.None, c, x, y));
        builder.MarkOutput("condition is an arm", builder.Apply(OpKind.Select, SourceSpan.None, x, x, y));
        builder.MarkOutput("same arms", builder.Apply(OpKind.Select, SourceSpan.None, c, x, x));
        builder.MarkOutput("constant arm", builder.Apply(OpKind.Select, SourceSpan.None, c, Operand.Constant(2), y));
        var graph = builder.Build();
        foreach (double condition in Truths)
            foreach (var (a, b) in Pairs(Truths, Reals)) Check(graph, [condition, a, b]);
    }

    private static void Check(ComputationalGraph graph, double[] point)
    {
        string at = $"{graph.Name} at ({string.Join(", ", point)})";
        Closeness.Equal(TorchGraph.Evaluate(graph, point), Interpreter.Evaluate(graph, point), ValueTolerance, $"{at} value");
        Closeness.Equal(TorchGraph.Jacobian(graph, point), Interpreter.ForwardJacobian(graph, point), PartialTolerance, $"{at} partial");
    }

    private static (double, double)[] Pairs(double[] first, double[] second) =>
        [.. first.SelectMany(a => second.Select(b => (a, b)))];

    private static (double, double)[] Untied((double A, double B)[] pairs) => [.. pairs.Where(p => p.A != p.B)];
}
