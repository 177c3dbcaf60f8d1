namespace Elim.Graph;

/// <summary>
/// The table of evaluation and local-partial rules, one row per <see cref="OpKind"/>.
/// Conventions at the edges of domains follow JAX: |x|' = sign(x) with sign(0) = 0, min/max split a
/// tie 0.5/0.5, ∂(x^y)/∂y = 0 where x = 0, x^0 has derivative 0, √x' = +∞ at 0. A select passes on the
/// partial of the arm its condition picks; comparisons and logical operations have no partials.
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
        or OpKind.Sub or OpKind.Mul or OpKind.Div or OpKind.IntegerPow) && !IsLogical(kind) && kind != OpKind.Select;

    /// <summary>Comparisons and logical operations: their value is 1 or 0 and they have no edges.</summary>
    public static bool IsLogical(OpKind kind) => kind is >= OpKind.Less and <= OpKind.Not;

    private static OpRule Unary(OpKind kind, string name, Func<double, double> f, Func<double, double, double> d) =>
        new(kind, name, 1, (a, _, _, _) => f(a), [(a, _, _, r, _) => d(a, r)]);

    private static OpRule Binary(OpKind kind, string name, Func<double, double, double> f,
        Func<double, double, double, double> da, Func<double, double, double, double> db) =>
        new(kind, name, 2, (a, b, _, _) => f(a, b), [(a, b, _, r, _) => da(a, b, r), (a, b, _, r, _) => db(a, b, r)]);

    // A comparison or logical operation: 1 or 0, not differentiable in any operand.
    private static OpRule Predicate(OpKind kind, string name, int arity, Func<double, double, bool> test) =>
        new(kind, name, arity, (a, b, _, _) => test(a, b) ? 1 : 0, arity == 1 ? [null] : [null, null]);

    private static OpRule[] Build()
    {
        OpRule[] rules =
        [
            Unary(OpKind.Copy, "copy", a => a, (_, _) => 1),
            Unary(OpKind.Neg, "neg", a => -a, (_, _) => -1),
            Binary(OpKind.Add, "add", (a, b) => a + b, (_, _, _) => 1, (_, _, _) => 1),
            Binary(OpKind.Sub, "sub", (a, b) => a - b, (_, _, _) => 1, (_, _, _) => -1),
            Binary(OpKind.Mul, "mul", (a, b) => a * b, (_, b, _) => b, (a, _, _) => a),
            Binary(OpKind.Div, "div", (a, b) => a / b, (_, b, _) => 1 / b, (_, b, r) => -r * (1 / b)),   // as the compiled code: one division per denominator
            new(OpKind.IntegerPow, "integer_pow", 1, (a, _, _, n) => IntegerPower(a, n),
                [(a, _, _, _, n) => n == 0 ? 0 : n * IntegerPower(a, n - 1)]),
            Binary(OpKind.Pow, "pow", Math.Pow,
                (a, b, _) => b == 0 ? 0 : b * Math.Pow(a, b - 1),
                (a, _, r) => a == 0 ? 0 : Math.Log(a) * r),
            Unary(OpKind.Sin, "sin", Math.Sin, (a, _) => Math.Cos(a)),
            Unary(OpKind.Cos, "cos", Math.Cos, (a, _) => -Math.Sin(a)),
            Unary(OpKind.Tan, "tan", Math.Tan, (_, r) => 1 + r * r),
            Unary(OpKind.Asin, "asin", Math.Asin, (a, _) => 1 / Math.Sqrt(1 - a * a)),
            Unary(OpKind.Acos, "acos", Math.Acos, (a, _) => -1 / Math.Sqrt(1 - a * a)),
            Unary(OpKind.Atan, "atan", Math.Atan, (a, _) => 1 / (1 + a * a)),
            Unary(OpKind.Sinh, "sinh", Math.Sinh, (a, _) => Math.Cosh(a)),
            Unary(OpKind.Cosh, "cosh", Math.Cosh, (a, _) => Math.Sinh(a)),
            Unary(OpKind.Tanh, "tanh", Math.Tanh, (_, r) => 1 - r * r),
            Unary(OpKind.Asinh, "asinh", Math.Asinh, (a, _) => 1 / Math.Sqrt(a * a + 1)),
            Unary(OpKind.Acosh, "acosh", Math.Acosh, (a, _) => 1 / Math.Sqrt(a * a - 1)),
            Unary(OpKind.Atanh, "atanh", Math.Atanh, (a, _) => 1 / (1 - a * a)),
            Unary(OpKind.Exp, "exp", Math.Exp, (_, r) => r),
            Unary(OpKind.Log, "log", Math.Log, (a, _) => 1 / a),
            Unary(OpKind.Log1p, "log1p", SpecialFunctions.Log1p, (a, _) => 1 / (1 + a)),
            Unary(OpKind.Sqrt, "sqrt", Math.Sqrt, (_, r) => 0.5 / r),
            Unary(OpKind.Abs, "abs", Math.Abs, (a, _) => a > 0 ? 1 : a < 0 ? -1 : 0), // NaN gives 0, as the emitted code does
            Unary(OpKind.Erf, "erf", SpecialFunctions.Erf, (a, _) => SpecialFunctions.TwoOverSqrtPi * Math.Exp(-a * a)),
            Unary(OpKind.Logistic, "logistic", SpecialFunctions.Logistic, (_, r) => r * (1 - r)),
            Unary(OpKind.Square, "square", a => a * a, (a, _) => 2 * a),
            Binary(OpKind.Atan2, "atan2", Math.Atan2,   // as the compiled code: one division for both partials
                (y, x, _) => x * (1 / (x * x + y * y)), (y, x, _) => -y * (1 / (x * x + y * y))),
            Binary(OpKind.Min, "min", Math.Min,
                (a, b, _) => a < b ? 1 : a > b ? 0 : 0.5, (a, b, _) => a > b ? 1 : a < b ? 0 : 0.5),
            Binary(OpKind.Max, "max", Math.Max,
                (a, b, _) => a > b ? 1 : a < b ? 0 : 0.5, (a, b, _) => a < b ? 1 : a > b ? 0 : 0.5),
            Predicate(OpKind.Less, "less", 2, (a, b) => a < b),
            Predicate(OpKind.LessEqual, "less_equal", 2, (a, b) => a <= b),
            Predicate(OpKind.Equal, "equal", 2, (a, b) => a == b),
            Predicate(OpKind.NotEqual, "not_equal", 2, (a, b) => a != b),
            Predicate(OpKind.And, "and", 2, (a, b) => a != 0 && b != 0),
            Predicate(OpKind.Or, "or", 2, (a, b) => a != 0 || b != 0),
            Predicate(OpKind.Not, "not", 1, (a, _) => a == 0),
            new(OpKind.Select, "select", 3, (c, a, b, _) => c != 0 ? a : b,
                [null, (c, _, _, _, _) => c != 0 ? 1 : 0, (c, _, _, _, _) => c != 0 ? 0 : 1]),
            new(OpKind.StopGradient, "stop_gradient", 1, (a, _, _, _) => a, [null]),
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
