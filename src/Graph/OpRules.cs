namespace Elim.Graph;

/// <summary>
/// The table of evaluation and local-partial rules, one row per <see cref="OpKind"/>.
/// Conventions at the edges of domains follow JAX: |x|' = sign(x) with sign(0) = 0, min/max split a
/// tie 0.5/0.5, ∂(x^y)/∂y = 0 where x = 0, x^0 has derivative 0, √x' = +∞ at 0.
/// </summary>
public static class OpRules
{
    private static readonly OpRule[] Table = Build();

    /// <summary>The rule of <paramref name="kind"/>.</summary>
    public static OpRule Of(OpKind kind) => Table[(int)kind];

    /// <summary>Every rule, in <see cref="OpKind"/> order.</summary>
    public static IReadOnlyList<OpRule> All => Table;

    /// <summary>Finds the elementary function called <paramref name="name"/> in the language, if any.</summary>
    public static OpRule? FindFunction(string name) =>
        Array.Find(Table, r => r.Name == name && IsCallable(r.Kind));

    private static bool IsCallable(OpKind kind) => kind is not (OpKind.Copy or OpKind.Neg or OpKind.Add
        or OpKind.Sub or OpKind.Mul or OpKind.Div or OpKind.IntegerPow);

    private static OpRule Unary(OpKind kind, string name, Func<double, double> f, PartialRule d) =>
        new(kind, name, 1, (a, _, _) => f(a), [d]);

    private static OpRule Binary(OpKind kind, string name, EvaluateRule f, PartialRule da, PartialRule db) =>
        new(kind, name, 2, f, [da, db]);

    private static OpRule[] Build()
    {
        OpRule[] rules =
        [
            Unary(OpKind.Copy, "copy", a => a, (_, _, _, _) => 1),
            Unary(OpKind.Neg, "neg", a => -a, (_, _, _, _) => -1),
            Binary(OpKind.Add, "add", (a, b, _) => a + b, (_, _, _, _) => 1, (_, _, _, _) => 1),
            Binary(OpKind.Sub, "sub", (a, b, _) => a - b, (_, _, _, _) => 1, (_, _, _, _) => -1),
            Binary(OpKind.Mul, "mul", (a, b, _) => a * b, (_, b, _, _) => b, (a, _, _, _) => a),
            Binary(OpKind.Div, "div", (a, b, _) => a / b, (_, b, _, _) => 1 / b, (_, b, r, _) => -r / b),
            new(OpKind.IntegerPow, "integer_pow", 1, (a, _, n) => IntegerPower(a, n),
                [(a, _, _, n) => n == 0 ? 0 : n * IntegerPower(a, n - 1)]),
            Binary(OpKind.Pow, "pow", (a, b, _) => Math.Pow(a, b),
                (a, b, _, _) => b == 0 ? 0 : b * Math.Pow(a, b - 1),
                (a, _, r, _) => a == 0 ? 0 : Math.Log(a) * r),
            Unary(OpKind.Sin, "sin", Math.Sin, (a, _, _, _) => Math.Cos(a)),
            Unary(OpKind.Cos, "cos", Math.Cos, (a, _, _, _) => -Math.Sin(a)),
            Unary(OpKind.Tan, "tan", Math.Tan, (_, _, r, _) => 1 + r * r),
            Unary(OpKind.Asin, "asin", Math.Asin, (a, _, _, _) => 1 / Math.Sqrt(1 - a * a)),
            Unary(OpKind.Acos, "acos", Math.Acos, (a, _, _, _) => -1 / Math.Sqrt(1 - a * a)),
            Unary(OpKind.Atan, "atan", Math.Atan, (a, _, _, _) => 1 / (1 + a * a)),
            Unary(OpKind.Sinh, "sinh", Math.Sinh, (a, _, _, _) => Math.Cosh(a)),
            Unary(OpKind.Cosh, "cosh", Math.Cosh, (a, _, _, _) => Math.Sinh(a)),
            Unary(OpKind.Tanh, "tanh", Math.Tanh, (_, _, r, _) => 1 - r * r),
            Unary(OpKind.Asinh, "asinh", Math.Asinh, (a, _, _, _) => 1 / Math.Sqrt(a * a + 1)),
            Unary(OpKind.Acosh, "acosh", Math.Acosh, (a, _, _, _) => 1 / Math.Sqrt(a * a - 1)),
            Unary(OpKind.Atanh, "atanh", Math.Atanh, (a, _, _, _) => 1 / (1 - a * a)),
            Unary(OpKind.Exp, "exp", Math.Exp, (_, _, r, _) => r),
            Unary(OpKind.Log, "log", Math.Log, (a, _, _, _) => 1 / a),
            Unary(OpKind.Log1p, "log1p", SpecialFunctions.Log1p, (a, _, _, _) => 1 / (1 + a)),
            Unary(OpKind.Sqrt, "sqrt", Math.Sqrt, (_, _, r, _) => 0.5 / r),
            Unary(OpKind.Abs, "abs", Math.Abs, (a, _, _, _) => Math.Sign(a)),
            Unary(OpKind.Erf, "erf", SpecialFunctions.Erf, (a, _, _, _) => SpecialFunctions.TwoOverSqrtPi * Math.Exp(-a * a)),
            Unary(OpKind.Logistic, "logistic", SpecialFunctions.Logistic, (_, _, r, _) => r * (1 - r)),
            Unary(OpKind.Square, "square", a => a * a, (a, _, _, _) => 2 * a),
            Binary(OpKind.Atan2, "atan2", (y, x, _) => Math.Atan2(y, x),
                (y, x, _, _) => x / (x * x + y * y), (y, x, _, _) => -y / (x * x + y * y)),
            Binary(OpKind.Min, "min", (a, b, _) => Math.Min(a, b),
                (a, b, _, _) => a < b ? 1 : a > b ? 0 : 0.5, (a, b, _, _) => a > b ? 1 : a < b ? 0 : 0.5),
            Binary(OpKind.Max, "max", (a, b, _) => Math.Max(a, b),
                (a, b, _, _) => a > b ? 1 : a < b ? 0 : 0.5, (a, b, _, _) => a < b ? 1 : a > b ? 0 : 0.5),
        ];
        for (int i = 0; i < rules.Length; i++)
        {
            if ((int)rules[i].Kind != i) throw new InvalidOperationException($"OpRules row {i} is {rules[i].Kind}.");
        }
        return rules;
    }

    /// <summary>x^n by repeated squaring, as JAX's integer_pow does; negative n gives 1/x^|n|.</summary>
    public static double IntegerPower(double x, int n)
    {
        if (n < 0) return 1 / IntegerPower(x, -n);
        double result = 1;
        double power = x;
        for (int m = n; m > 0; m >>= 1)
        {
            if ((m & 1) != 0) result *= power;
            power *= power;
        }
        return result;
    }
}
