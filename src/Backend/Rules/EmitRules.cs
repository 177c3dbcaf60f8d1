using Elim.Backend.Program;
using Elim.Graph;

namespace Elim.Backend.Rules;

/// <summary>
/// The backend's table of emit rules, one row per <see cref="OpKind"/>. Each row writes the arithmetic of
/// the matching <see cref="OpRules"/> row (same operations, same order, so results agree bit for bit),
/// expressed in <see cref="IrOp"/>s so constants fold and ±1 factors vanish; the one exception is pow's
/// base partial, b·r/a from the power already computed (see <see cref="SpecialFunctions.PowBaseSlope"/>).
/// </summary>
public static class EmitRules
{
    private static readonly EmitRule[] Table = Build();

    /// <summary>The rule of <paramref name="kind"/>.</summary>
    public static EmitRule Of(OpKind kind) => Table[(int)kind];

    /// <summary>Every rule, in <see cref="OpKind"/> order.</summary>
    public static IReadOnlyList<EmitRule> All => Table;

    private static readonly Term One = Term.Of(1);

    private static EmitRule Unary(OpKind kind, IrOp op, Func<ProgramBuilder, Term, Term, Term> partial) =>
        Unary(kind, (p, a) => p.Unary(op, a), partial);

    private static EmitRule Unary(OpKind kind, Func<ProgramBuilder, Term, Term> primal, Func<ProgramBuilder, Term, Term, Term> partial) =>
        new(kind, (p, a, _, _, _) => primal(p, a), (p, a, _, _, r, _) => [partial(p, a, r)]);

    private static EmitRule Binary(OpKind kind, Func<ProgramBuilder, Term, Term, Term> primal,
        Func<ProgramBuilder, Term, Term, Term, Term?[]> partials) =>
        new(kind, (p, a, b, _, _) => primal(p, a, b), (p, a, b, _, r, _) => partials(p, a, b, r));

    // A comparison or logical operation: 1 or 0, without partials (its operands have no edges).
    private static EmitRule Predicate(OpKind kind, Func<ProgramBuilder, Term, Term, Term> primal) =>
        new(kind, (p, a, b, _, _) => primal(p, a, b), (_, _, _, _, _, _) => new Term?[OpRules.Of(kind).Arity]);

    private static EmitRule[] Build()
    {
        EmitRule[] rules =
        [
            Unary(OpKind.Copy, (_, a) => a, (_, _, _) => One),
            Unary(OpKind.Neg, (_, a) => a.Negate(), (_, _, _) => One.Negate()),
            Binary(OpKind.Add, (p, a, b) => p.Add(a, b), (_, _, _, _) => [One, One]),
            Binary(OpKind.Sub, (p, a, b) => p.Sub(a, b), (_, _, _, _) => [One, One.Negate()]),
            Binary(OpKind.Mul, (p, a, b) => p.Mul(a, b), (_, a, b, _) => [b, a]),
            // ∂/∂b = −r·(1/b), not −r/b: one division per denominator, which every quotient by it shares.
            Binary(OpKind.Div, (p, a, b) => p.Div(a, b), (p, _, b, r) => Quotient(p, b, r)),
            new(OpKind.IntegerPow, (p, a, _, _, n) => IntegerPower(p, a, n),
                (p, a, _, _, _, n) => [n == 0 ? Term.Zero : p.Mul(Term.Of(n), IntegerPower(p, a, n - 1))]),
            // A variable exponent needs ln a for ∂/∂b: computed once, before the power, which vector code takes as
            // e^(b·ln a) from it. Without partials the plain power: scalar code takes Math.Pow and would not use ln a.
            Binary(OpKind.Pow, (p, a, b) => b.IsConstant || !p.WithPartials
                    ? p.Binary(IrOp.Pow, a, b)
                    : p.Ternary(IrOp.PowFromLog, a, b, p.Unary(IrOp.Log, a)),
                (p, a, b, r) =>
                [
                    // b·r/a rather than a second power: the one place this table departs from OpRules' arithmetic.
                    p.Ternary(IrOp.PowBaseSlope, a, b, r),
                    p.Binary(IrOp.ZeroWhereZero, a, p.Mul(p.Unary(IrOp.Log, a), r)),
                ]),
            Unary(OpKind.Sin, IrOp.Sin, (p, a, _) => p.Unary(IrOp.Cos, a)),
            Unary(OpKind.Cos, IrOp.Cos, (p, a, _) => p.Unary(IrOp.Sin, a).Negate()),
            Unary(OpKind.Tan, IrOp.Tan, (p, _, r) => p.Add(One, p.Mul(r, r))),
            Unary(OpKind.Asin, IrOp.Asin, (p, a, _) => p.Div(One, p.Unary(IrOp.Sqrt, p.Sub(One, p.Mul(a, a))))),
            Unary(OpKind.Acos, IrOp.Acos, (p, a, _) => p.Div(One.Negate(), p.Unary(IrOp.Sqrt, p.Sub(One, p.Mul(a, a))))),
            Unary(OpKind.Atan, IrOp.Atan, (p, a, _) => p.Div(One, p.Add(One, p.Mul(a, a)))),
            Unary(OpKind.Sinh, IrOp.Sinh, (p, a, _) => p.Unary(IrOp.Cosh, a)),
            Unary(OpKind.Cosh, IrOp.Cosh, (p, a, _) => p.Unary(IrOp.Sinh, a)),
            Unary(OpKind.Tanh, IrOp.Tanh, (p, _, r) => p.Sub(One, p.Mul(r, r))),
            Unary(OpKind.Asinh, IrOp.Asinh, (p, a, _) => p.Div(One, p.Unary(IrOp.Sqrt, p.Add(p.Mul(a, a), One)))),
            Unary(OpKind.Acosh, IrOp.Acosh, (p, a, _) => p.Div(One, p.Unary(IrOp.Sqrt, p.Sub(p.Mul(a, a), One)))),
            Unary(OpKind.Atanh, IrOp.Atanh, (p, a, _) => p.Div(One, p.Sub(One, p.Mul(a, a)))),
            Unary(OpKind.Exp, IrOp.Exp, (_, _, r) => r),
            Unary(OpKind.Log, IrOp.Log, (p, a, _) => p.Div(One, a)),
            Unary(OpKind.Log1p, IrOp.Log1p, (p, a, _) => p.Div(One, p.Add(One, a))),
            Unary(OpKind.Sqrt, IrOp.Sqrt, (p, _, r) => p.Div(Term.Of(0.5), r)),
            Unary(OpKind.Abs, IrOp.Abs, (p, a, _) => Sign(p, a)),
            Unary(OpKind.Erf, IrOp.Erf, (p, a, _) =>
                p.Mul(Term.Of(SpecialFunctions.TwoOverSqrtPi), p.Unary(IrOp.Exp, p.Mul(a, a).Negate()))),
            Unary(OpKind.Logistic, (p, a) => p.Div(One, p.Add(One, p.Unary(IrOp.Exp, a.Negate()))), (p, _, r) => p.Mul(r, p.Sub(One, r))),
            Unary(OpKind.Square, (p, a) => p.Mul(a, a), (p, a, _) => p.Mul(Term.Of(2), a)),
            Binary(OpKind.Atan2, (p, y, x) => p.Binary(IrOp.Atan2, y, x),
                (p, y, x, _) =>
                {
                    // One division for both partials (as OpRules): divisions are the slowest arithmetic, in vectors most.
                    var inverse = p.Div(One, p.Add(p.Mul(x, x), p.Mul(y, y)));
                    return [p.Mul(x, inverse), p.Mul(y.Negate(), inverse)];
                }),
            Binary(OpKind.Min, (p, a, b) => p.Binary(IrOp.Min, a, b),
                (p, a, b, _) => [p.Binary(IrOp.Below, a, b), p.Binary(IrOp.Below, b, a)]),
            Binary(OpKind.Max, (p, a, b) => p.Binary(IrOp.Max, a, b),
                (p, a, b, _) => [p.Binary(IrOp.Below, b, a), p.Binary(IrOp.Below, a, b)]),
            Predicate(OpKind.Less, (p, a, b) => p.Binary(IrOp.Less, a, b)),
            Predicate(OpKind.LessEqual, (p, a, b) => p.Binary(IrOp.LessEqual, a, b)),
            Predicate(OpKind.Equal, (p, a, b) => p.Binary(IrOp.Equal, a, b)),
            Predicate(OpKind.NotEqual, (p, a, b) => p.Binary(IrOp.NotEqual, a, b)),
            // Logic on truth values (nonzero, NaN included, is true) made of comparisons: 1·1 = 1, max picks any 1.
            Predicate(OpKind.And, (p, a, b) => p.Mul(IsTrue(p, a), IsTrue(p, b))),
            Predicate(OpKind.Or, (p, a, b) => p.Binary(IrOp.Max, IsTrue(p, a), IsTrue(p, b))),
            Predicate(OpKind.Not, (p, a, _) => p.Binary(IrOp.Equal, a, Term.Zero)),
            // The picked arm's partial is 1, the other's 0: "c is nonzero" and its negation, as the select decides it.
            new(OpKind.Select, (p, c, a, b, _) => p.Ternary(IrOp.Select, c, a, b),
                (p, c, _, _, _, _) => [null, IsTrue(p, c), p.Binary(IrOp.Equal, c, Term.Zero)]),
            new(OpKind.StopGradient, (_, a, _, _, _) => a, (_, _, _, _, _, _) => [null]),
        ];
        for (int i = 0; i < rules.Length; i++)
        {
            if ((int)rules[i].Kind != i) throw new InvalidOperationException($"EmitRules row {i} is {rules[i].Kind}.");
        }
        return rules;
    }

    /// <summary>x^n by repeated squaring, the same multiplications as <see cref="OpRules.IntegerPower"/>.</summary>
    private static Term IntegerPower(ProgramBuilder p, Term x, int n)
    {
        if (n < 0) return p.Div(One, IntegerPower(p, x, -n));
        var result = One;
        var power = x;
        for (int m = n; m > 0; m >>= 1)
        {
            if ((m & 1) != 0) result = p.Mul(result, power);
            power = p.Mul(power, power);
        }
        return result;
    }

    /// <summary>1 where <paramref name="a"/> is nonzero (NaN included), else 0.</summary>
    private static Term IsTrue(ProgramBuilder p, Term a) => p.Binary(IrOp.NotEqual, a, Term.Zero);

    /// <summary>sign(a) with sign(0) = 0, as the difference of two steps (NaN gives 0).</summary>
    private static Term?[] Quotient(ProgramBuilder p, Term b, Term r)
    {
        var inverse = p.Div(One, b);
        return [inverse, p.Mul(r.Negate(), inverse)];
    }

    private static Term Sign(ProgramBuilder p, Term a) =>
        p.Sub(p.Binary(IrOp.Below, Term.Zero, a), p.Binary(IrOp.Below, a, Term.Zero));
}
