namespace Elim.Graph;

/// <summary>Elementary functions that <see cref="Math"/> lacks.</summary>
public static class SpecialFunctions
{
    /// <summary>2/√π, the scale of erf's derivative.</summary>
    public const double TwoOverSqrtPi = 1.1283791670955126;

    /// <summary>
    /// The error function. Uses erf(x) = 2/√π·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3·…·(2n+1)), whose terms are all
    /// positive (no cancellation); beyond |x| = 6 erf is ±1 in double precision. Free of throwing calls
    /// (Math.Sign throws on NaN), so ILGPU can compile it into kernels.
    /// </summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        double ax = Math.Abs(x);
        if (ax >= 6) return x > 0 ? 1 : -1;
        double x2 = ax * ax;
        double term = ax;
        double sum = ax;
        for (int n = 1; n < 200 && term > sum * 1e-17; n++)
        {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
        }
        double value = TwoOverSqrtPi * Math.Exp(-x2) * sum;
        return x < 0 ? -value : value;
    }

    /// <summary>
    /// ∂(a^b)/∂a = b·a^(b−1), computed from the power r = a^b as b·(r/a) (one division instead of a second
    /// power) wherever r and r/a are normal numbers; elsewhere (a = 0, overflow, underflow, NaN) as
    /// b·a^(b−1). 0 where b = 0, the convention of <see cref="OpRules"/>.
    /// </summary>
    public static double PowBaseSlope(double a, double b, double r)
    {
        if (b == 0) return 0;
        double quotient = r / a;
        return IsNormal(r) && IsNormal(quotient) ? b * quotient : b * Math.Pow(a, b - 1);
    }

    // NaN compares false.
    private static bool IsNormal(double x) => Math.Abs(x) >= 2.2250738585072014E-308 && Math.Abs(x) <= double.MaxValue;

    /// <summary>log(1 + x), accurate for small x (the classic correction of the rounded 1 + x).</summary>
    public static double Log1p(double x)
    {
        double u = 1 + x;
        if (u == 1) return x;
        double log = Math.Log(u);
        return double.IsInfinity(u) ? log : log * x / (u - 1);
    }

    /// <summary>The logistic sigmoid 1/(1 + e^(−x)).</summary>
    public static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
