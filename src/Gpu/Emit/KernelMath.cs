using Elim.Graph;

namespace Elim.Gpu.Emit;

/// <summary>
/// The inverse hyperbolic functions for kernels: ILGPU maps <see cref="Math.Asinh"/>, <see cref="Math.Acosh"/> and
/// <see cref="Math.Atanh"/> to nothing on CUDA (the PTX calls an undefined function and the driver refuses the
/// module), so kernels compute them from <see cref="Math.Log(double)"/>, <see cref="Math.Sqrt"/> and
/// <see cref="SpecialFunctions.Log1p"/>, in the forms that stay accurate near 0 and 1 and do not overflow for large
/// arguments (fdlibm's). Tests bound their distance from the <see cref="Math"/> functions.
/// </summary>
public static class KernelMath
{
    private const double Ln2 = 0.6931471805599453;
    private const double Huge = 268435456;   // 2^28: beyond it √(x² ± 1) equals |x| in double precision

    /// <summary>asinh x = sign(x)·log1p(|x| + x²/(1 + √(1 + x²))); log|x| + ln 2 for |x| ≥ 2^28.</summary>
    public static double Asinh(double x)
    {
        if (x == 0) return x;   // keeps the sign of zero
        double s = Math.Abs(x);
        double magnitude = s >= Huge ? Math.Log(s) + Ln2 : SpecialFunctions.Log1p(s + s * s / (1 + Math.Sqrt(1 + s * s)));
        return x < 0 ? -magnitude : magnitude;
    }

    /// <summary>acosh x = log1p(t + √(2t + t²)) with t = x − 1 up to x = 2, log(2x − 1/(x + √(x² − 1))) beyond, NaN below 1.</summary>
    public static double Acosh(double x)
    {
        if (x < 1) return double.NaN;
        if (x >= Huge) return Math.Log(x) + Ln2;
        if (x > 2) return Math.Log(2 * x - 1 / (x + Math.Sqrt(x * x - 1)));
        double t = x - 1;
        return SpecialFunctions.Log1p(t + Math.Sqrt(2 * t + t * t));
    }

    /// <summary>atanh x = sign(x)·½·log1p(2|x| + 2x²/(1 − |x|)) below ½, sign(x)·½·log1p(2|x|/(1 − |x|)) above; ±∞ at ±1.</summary>
    public static double Atanh(double x)
    {
        if (x == 0) return x;
        double s = Math.Abs(x);
        double magnitude = s < 0.5 ? 0.5 * SpecialFunctions.Log1p(2 * s + 2 * s * s / (1 - s)) : 0.5 * SpecialFunctions.Log1p(2 * s / (1 - s));
        return x < 0 ? -magnitude : magnitude;
    }
}
