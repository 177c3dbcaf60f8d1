using Elim.Graph;

namespace Elim.Graph.Tests;

public class OpRulesTests
{
    [Fact]
    public void EveryOpKindHasItsRow()
    {
        foreach (OpKind kind in Enum.GetValues<OpKind>())
        {
            var rule = OpRules.Of(kind);
            Assert.Equal(kind, rule.Kind);
            Assert.Equal(rule.Arity, rule.Partials.Count);
        }
    }

    // Points inside each operation's domain and away from kinks (abs at 0, min/max ties).
    public static TheoryData<OpKind, double, double, int> Points() => new()
    {
        { OpKind.Copy, 0.3, 0, 0 }, { OpKind.Neg, 0.3, 0, 0 }, { OpKind.Add, 0.3, -1.2, 0 }, { OpKind.Sub, 0.3, -1.2, 0 },
        { OpKind.Mul, 0.3, -1.2, 0 }, { OpKind.Div, 0.3, -1.2, 0 }, { OpKind.IntegerPow, 1.3, 0, 3 },
        { OpKind.IntegerPow, -0.7, 0, -2 }, { OpKind.IntegerPow, 0.7, 0, 1 }, { OpKind.Pow, 1.3, 0.4, 0 }, { OpKind.Sin, 0.3, 0, 0 },
        { OpKind.Cos, 0.3, 0, 0 }, { OpKind.Tan, 0.3, 0, 0 }, { OpKind.Asin, 0.3, 0, 0 }, { OpKind.Acos, 0.3, 0, 0 },
        { OpKind.Atan, 0.3, 0, 0 }, { OpKind.Sinh, 0.3, 0, 0 }, { OpKind.Cosh, 0.3, 0, 0 }, { OpKind.Tanh, 0.3, 0, 0 },
        { OpKind.Asinh, 0.3, 0, 0 }, { OpKind.Acosh, 1.3, 0, 0 }, { OpKind.Atanh, 0.3, 0, 0 }, { OpKind.Exp, 0.3, 0, 0 },
        { OpKind.Log, 0.3, 0, 0 }, { OpKind.Log1p, 0.3, 0, 0 }, { OpKind.Sqrt, 0.3, 0, 0 }, { OpKind.Abs, -0.3, 0, 0 },
        { OpKind.Erf, 0.3, 0, 0 }, { OpKind.Erf, -2.7, 0, 0 }, { OpKind.Logistic, 0.3, 0, 0 }, { OpKind.Square, 0.3, 0, 0 },
        { OpKind.Atan2, 0.3, -1.2, 0 }, { OpKind.Min, 0.3, -1.2, 0 }, { OpKind.Max, 0.3, -1.2, 0 },
        { OpKind.Select, 1, 0.3, 0 }, { OpKind.Select, 0, 0.3, 0 },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public void PartialsMatchCentralDifferences(OpKind kind, double a, double b, int exponent)
    {
        var rule = OpRules.Of(kind);
        double[] operands = new[] { a, b, -0.9 }[..rule.Arity];
        double result = rule.Apply(operands, exponent);
        for (int operand = 0; operand < rule.Arity; operand++)
        {
            if (!rule.IsDifferentiable(operand)) continue;
            double h = 1e-6;
            double Shifted(double by)
            {
                double[] shifted = [.. operands];
                shifted[operand] += by;
                return rule.Apply(shifted, exponent);
            }
            double numeric = (Shifted(h) - Shifted(-h)) / (2 * h);
            double analytic = rule.Partials[operand]!(operands[0], operands.ElementAtOrDefault(1), operands.ElementAtOrDefault(2), result, exponent);
            Assert.True(Math.Abs(numeric - analytic) <= 1e-7 * Math.Max(1, Math.Abs(analytic)),
                $"{kind} ∂/∂operand{operand}: rule {analytic:R}, differences {numeric:R}");
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(-1.3)]
    [InlineData(2.9)]
    [InlineData(-5.5)]
    [InlineData(7.0)]
    public void ErfMatchesKnownValues(double x)
    {
        // Reference values from the complementary identity erf(x) = 1 - erfc(x) and known erf(0.5), erf(1.3), ...
        var known = new Dictionary<double, double>
        {
            [0.0] = 0, [0.5] = 0.5204998778130465, [-1.3] = -0.9340079449406524, [2.9] = 0.9999589021219005,
            [-5.5] = -0.9999999999999927, [7.0] = 1,
        };
        Assert.Equal(known[x], SpecialFunctions.Erf(x), 1e-15);
    }

    [Fact]
    public void ComparisonsAndLogicAreOneOrZeroWithoutPartials()
    {
        foreach (var kind in new[] { OpKind.Less, OpKind.LessEqual, OpKind.Equal, OpKind.NotEqual, OpKind.And, OpKind.Or, OpKind.Not })
        {
            var rule = OpRules.Of(kind);
            Assert.All(Enumerable.Range(0, rule.Arity), j => Assert.False(rule.IsDifferentiable(j)));
            Assert.True(OpRules.IsLogical(kind));
            Assert.Null(OpRules.FindFunction(rule.Name));
        }
        Assert.Equal(1, OpRules.Of(OpKind.Less).Apply([1, 2], 0));
        Assert.Equal(0, OpRules.Of(OpKind.Less).Apply([2, 2], 0));
        Assert.Equal(1, OpRules.Of(OpKind.LessEqual).Apply([2, 2], 0));
        Assert.Equal(0, OpRules.Of(OpKind.Less).Apply([double.NaN, 2], 0));
        Assert.Equal(1, OpRules.Of(OpKind.NotEqual).Apply([double.NaN, double.NaN], 0));
        Assert.Equal(0, OpRules.Of(OpKind.And).Apply([1, 0], 0));
        Assert.Equal(1, OpRules.Of(OpKind.Or).Apply([0, -3], 0));
        Assert.Equal(1, OpRules.Of(OpKind.Not).Apply([0], 0));
    }

    [Fact]
    public void SelectPicksAnArmAndItsPartial()
    {
        var select = OpRules.Of(OpKind.Select);
        Assert.False(select.IsDifferentiable(0));
        Assert.Equal(2, select.Apply([1, 2, double.NaN], 0));
        Assert.Equal(double.NaN, select.Apply([0, 2, double.NaN], 0));
        Assert.Equal(1, select.Partials[1]!(1, 2, 3, 2, 0));
        Assert.Equal(0, select.Partials[2]!(1, 2, 3, 2, 0));
        Assert.Equal(1, select.Partials[2]!(0, 2, 3, 3, 0));
    }

    [Fact]
    public void Log1pIsAccurateForTinyArguments() => Assert.Equal(1e-12 - 5e-25, SpecialFunctions.Log1p(1e-12), 1e-27);

    [Fact]
    public void DomainEdgesFollowJaxConventions()
    {
        Assert.Equal(0, OpRules.Of(OpKind.Abs).Partials[0]!(0, 0, 0, 0, 0));
        Assert.Equal(0, OpRules.Of(OpKind.Abs).Partials[0]!(double.NaN, 0, 0, double.NaN, 0));
        Assert.Equal(0.5, OpRules.Of(OpKind.Max).Partials[0]!(1, 1, 0, 1, 0));
        Assert.Equal(0.5, OpRules.Of(OpKind.Min).Partials[1]!(1, 1, 0, 1, 0));
        Assert.Equal(0, OpRules.Of(OpKind.Pow).Partials[1]!(0, 2, 0, 0, 0));
        Assert.Equal(0, OpRules.Of(OpKind.IntegerPow).Partials[0]!(3, 0, 0, 1, 0));
        Assert.Equal(double.PositiveInfinity, OpRules.Of(OpKind.Sqrt).Partials[0]!(0, 0, 0, 0, 0));
    }
}
