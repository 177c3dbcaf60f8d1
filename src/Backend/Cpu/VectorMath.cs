using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Elim.Graph;
using V = System.Runtime.Intrinsics.Vector256<double>;

namespace Elim.Backend.Cpu;

/// <summary>
/// Four-lane forms of the functions that <see cref="Vector256"/> lacks, called by vector batch kernels.
/// Each agrees with the scalar method (<see cref="Math"/> or <see cref="SpecialFunctions"/>) to a few ulp
/// on ordinary arguments; a vector holding a special argument (zero, infinity, NaN, a base ≤ 0) is
/// computed lane by lane with the scalar method, so edge cases keep the scalar semantics exactly.
/// Optimised at once (AggressiveOptimization): tier-0 code of vector arithmetic is several times slower, and
/// in a process that keeps compiling new methods (the perf harness) the runtime kept these at tier 0 long
/// enough to make kernels 1.5–2.2× slower than in a process of their own.
/// </summary>
public static class VectorMath
{
    // Properties, not static readonly fields: AggressiveOptimization compiles a method before its class is
    // initialised, so it would load fields from memory where it folds these into constants.
    private static V Half => Vector256.Create(0.5);
    private static V Infinity => Vector256.Create(double.PositiveInfinity);
    private static V SignBit => Vector256.Create(-0.0);
    private static V SmallestNormal => Vector256.Create(2.2250738585072014E-308);

    /// <summary>arctan, ≤ 1 ulp from <see cref="Math.Atan"/> in measurements over 10⁻⁸…10⁸.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static V Atan(V x) => FirstQuadrantAngle(Vector256.Abs(x), V.One) ^ (x & SignBit);

    /// <summary>
    /// atan2(y, x), ≤ 2 ulp from <see cref="Math.Atan2"/>; zeros, non-finite operands and magnitudes beyond
    /// 10³⁰⁰ (where |y| ± |x| could overflow) go lane by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static V Atan2(V y, V x)
    {
        var ordinary = IsFiniteNonZero(x) & IsFiniteNonZero(y)
            & Vector256.LessThan(Vector256.Max(Vector256.Abs(x), Vector256.Abs(y)), Vector256.Create(1e300));
        if (!AllTrue(ordinary)) return PerLane(y, x, Math.Atan2);
        var angle = FirstQuadrantAngle(Vector256.Abs(y), Vector256.Abs(x));
        // Left half-plane: π − angle; then y's sign.
        angle = Vector256.ConditionalSelect(Vector256.LessThan(x, V.Zero), Vector256.Create(Math.PI) - angle, angle);
        return angle ^ (y & SignBit);
    }

    /// <summary>atan(y/x) for y, x ≥ 0, with one division to reduce the argument and one for the approximation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static V FirstQuadrantAngle(V y, V x)
    {
        // Reduce y/x to [−0.42, 0.66] with atan t = π/2 − atan(1/t) and atan t = π/4 + atan((t−1)/(t+1)), written
        // on y and x so one division serves every case; then a degree 4/5 rational approximation (coefficients
        // from S. L. Moshier, Methods and Programs for Mathematical Functions, 1989). π/2 and π/4 carry their
        // rounding error as a tail.
        var large = Vector256.GreaterThan(y, Vector256.Create(2.414213562373095) * x);
        var middle = Vector256.GreaterThan(y, Vector256.Create(0.66) * x) & ~large;
        var numerator = Vector256.ConditionalSelect(large, -x, Vector256.ConditionalSelect(middle, y - x, y));
        var denominator = Vector256.ConditionalSelect(large, y, Vector256.ConditionalSelect(middle, y + x, x));
        var reduced = numerator / denominator;
        var offset = (Vector256.Create(Math.PI / 2) & large) | (Vector256.Create(Math.PI / 4) & middle);
        var tail = (Vector256.Create(6.123233995736766E-17) & large) | (Vector256.Create(3.061616997868383E-17) & middle);
        var z = reduced * reduced;
        var p = (((Vector256.Create(-8.750608600031904122785E-1) * z + Vector256.Create(-1.615753718733365076637E1)) * z
            + Vector256.Create(-7.500855792314704667340E1)) * z + Vector256.Create(-1.228866684490136173410E2)) * z
            + Vector256.Create(-6.485021904942025371773E1);
        var q = ((((z + Vector256.Create(2.485846490142306297962E1)) * z + Vector256.Create(1.650270098316988542046E2)) * z
            + Vector256.Create(4.328810604912902668951E2)) * z + Vector256.Create(4.853903996359136964868E2)) * z
            + Vector256.Create(1.945506571482613964425E2);
        return offset + (reduced * (z * p / q) + reduced + tail);
    }

    /// <summary>arcsin as atan2(x, √(1−x²)): ≤ 2 ulp from <see cref="Math.Asin"/> on [−1, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static V Asin(V x) => Atan2(x, Cathetus(x));

    /// <summary>arccos as atan2(√(1−x²), x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static V Acos(V x) => Atan2(Cathetus(x), x);

    /// <summary>√(1−x²), written √((1−x)(1+x)) so it stays accurate near |x| = 1.</summary>
    private static V Cathetus(V x) => Vector256.Sqrt((V.One - x) * (V.One + x));

    /// <summary>tan as sin/cos, ≤ 3 ulp from <see cref="Math.Tan"/> in measurements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static V Tan(V x)
    {
        var (sin, cos) = Vector256.SinCos(x);
        return sin / cos;
    }

    /// <summary>
    /// a^b as e^(b·ln a) for bases in (0, ∞) and finite exponents, else lane by lane with <see cref="Math.Pow"/>.
    /// The relative error grows with |b·ln a| (about 3·10⁻¹³ at the edge of the double range).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static V Pow(V a, V b)
    {
        var ordinary = Vector256.GreaterThan(a, V.Zero) & Vector256.LessThan(a, Infinity) & Vector256.LessThan(Vector256.Abs(b), Infinity);
        if (!AllTrue(ordinary)) return PerLane(a, b, Math.Pow);
        return Vector256.Exp(b * Vector256.Log(a));
    }

    /// <summary>
    /// ∂(a^b)/∂a from the power r = a^b already computed: b·(r/a), as <see cref="SpecialFunctions.PowBaseSlope"/>;
    /// lanes where that quotient is not a normal number go through the scalar method.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static V PowBaseSlope(V a, V b, V r)
    {
        var quotient = r / a;
        if (!AllTrue(IsNormal(r) & IsNormal(quotient))) return PerLane(a, b, r, SpecialFunctions.PowBaseSlope);
        // b = 0 gives 0·quotient = 0 here, the scalar method's value too.
        return b * quotient;
    }

    /// <summary>log(1 + x), written as <see cref="SpecialFunctions.Log1p"/> with the vector logarithm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static V Log1p(V x)
    {
        var u = V.One + x;
        var log = Vector256.Log(u);
        var corrected = Vector256.ConditionalSelect(Vector256.Equals(Vector256.Abs(u), Infinity), log, log * x / (u - V.One));
        return Vector256.ConditionalSelect(Vector256.Equals(u, V.One), x, corrected);
    }

    /// <summary>artanh x = sign(x)·½·log1p(2|x|/(1−|x|)), ≤ 4 ulp from <see cref="Math.Atanh"/> in measurements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static V Atanh(V x)
    {
        // On |x| the quotient is ≥ 0, where log1p is well conditioned (near x = −1 it would not be).
        var t = Vector256.Abs(x);
        return (Half * Log1p((t + t) / (V.One - t))) ^ (x & SignBit);
    }

    /// <summary>
    /// erf by the series of <see cref="SpecialFunctions.Erf"/>, summed on all lanes until every lane has
    /// converged; a converged lane stops adding terms, so each lane sums exactly what the scalar code sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static V Erf(V x)
    {
        var ax = Vector256.Abs(x);
        var saturated = Vector256.GreaterThanOrEqual(ax, Vector256.Create(6.0));
        // Saturated lanes sum nothing (x² = 0 makes their terms vanish at once).
        var x2 = (ax * ax) & ~saturated;
        var term = ax & ~saturated;
        var sum = term;
        var active = Vector256.GreaterThan(term, sum * Vector256.Create(1e-17));
        for (int n = 1; n < 200 && AnyTrue(active); n++)
        {
            term *= Vector256.Create(2.0) * x2 / Vector256.Create(2.0 * n + 1);
            sum += term & active;
            active &= Vector256.GreaterThan(term, sum * Vector256.Create(1e-17));
        }
        var value = Vector256.Create(SpecialFunctions.TwoOverSqrtPi) * Vector256.Exp(-x2) * sum;
        value = Vector256.ConditionalSelect(saturated, V.One, value) ^ (x & SignBit);
        // NaN lanes: the comparisons above are false, so force NaN back.
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), value, x);
    }

    private static bool AllTrue(V mask) => Vector256.EqualsAll(mask.AsUInt64(), Vector256<ulong>.AllBitsSet);

    private static bool AnyTrue(V mask) => !Vector256.EqualsAll(mask.AsUInt64(), Vector256<ulong>.Zero);

    private static V IsFiniteNonZero(V v)
    {
        var magnitude = Vector256.Abs(v);
        return Vector256.LessThan(magnitude, Infinity) & Vector256.GreaterThan(magnitude, V.Zero);
    }

    private static V IsNormal(V v)
    {
        var magnitude = Vector256.Abs(v);
        return Vector256.LessThan(magnitude, Infinity) & Vector256.GreaterThanOrEqual(magnitude, SmallestNormal);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static V PerLane(V a, V b, Func<double, double, double> f) =>
        Vector256.Create(f(a[0], b[0]), f(a[1], b[1]), f(a[2], b[2]), f(a[3], b[3]));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static V PerLane(V a, V b, V c, Func<double, double, double, double> f) =>
        Vector256.Create(f(a[0], b[0], c[0]), f(a[1], b[1], c[1]), f(a[2], b[2], c[2]), f(a[3], b[3], c[3]));
}
