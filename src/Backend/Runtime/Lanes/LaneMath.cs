using System.Runtime.CompilerServices;
using Elim.Graph;

namespace Elim.Backend.Runtime.Lanes;

/// <summary>
/// The mathematics of <see cref="VectorMath{T, TVector}"/>, written once for every width <typeparamref name="T"/>
/// (<see cref="Lanes4"/>, <see cref="Lanes8"/>). Every method is inlined into the entry point that uses it:
/// the wrapper structs must not cross a call, whose argument copies would stall on store forwarding
/// (measured: g's Jacobian ran at half speed when they did).
/// </summary>
internal static class LaneMath<T> where T : struct, ILanes<T>
{
    // Properties, not static readonly fields: AggressiveOptimization compiles an entry point before this class
    // is initialised, so it would load fields from memory where it folds these into constants. Forced inline:
    // an entry point's inlining budget is small (its own IL is a few bytes), and many operators use it up.
    private static T One { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => T.Create(1.0); }
    private static T Zero { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => T.Create(0.0); }
    private static T Half { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => T.Create(0.5); }
    private static T Infinity { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => T.Create(double.PositiveInfinity); }
    private static T SignBit { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => T.Create(-0.0); }
    private static T SmallestNormal { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => T.Create(2.2250738585072014E-308); }

    /// <summary>arctan, ≤ 1 ulp from <see cref="Math.Atan"/> in measurements over 10⁻⁸…10⁸.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Atan(T x) => FirstQuadrantAngle(T.Abs(x), One) ^ (x & SignBit);

    /// <summary>
    /// atan2(y, x), ≤ 2 ulp from <see cref="Math.Atan2"/>; zeros, non-finite operands and magnitudes beyond
    /// 10³⁰⁰ (where |y| ± |x| could overflow) go lane by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Atan2(T y, T x)
    {
        var ordinary = IsFiniteNonZero(x) & IsFiniteNonZero(y)
            & T.LessThan(T.Max(T.Abs(x), T.Abs(y)), T.Create(1e300));
        if (!T.All(ordinary)) return PerLane(y, x, Math.Atan2);
        var angle = FirstQuadrantAngle(T.Abs(y), T.Abs(x));
        // Left half-plane: π − angle; then y's sign.
        angle = T.Select(T.LessThan(x, Zero), T.Create(Math.PI) - angle, angle);
        return angle ^ (y & SignBit);
    }

    /// <summary>atan(y/x) for y, x ≥ 0, with one division to reduce the argument and one for the approximation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FirstQuadrantAngle(T y, T x)
    {
        // Reduce y/x to [−0.42, 0.66] with atan t = π/2 − atan(1/t) and atan t = π/4 + atan((t−1)/(t+1)), written
        // on y and x so one division serves every case; then a degree 4/5 rational approximation (coefficients
        // from S. L. Moshier, Methods and Programs for Mathematical Functions, 1989). π/2 and π/4 carry their
        // rounding error as a tail.
        var large = T.GreaterThan(y, T.Create(2.414213562373095) * x);
        var middle = T.GreaterThan(y, T.Create(0.66) * x) & ~large;
        var numerator = T.Select(large, -x, T.Select(middle, y - x, y));
        var denominator = T.Select(large, y, T.Select(middle, y + x, x));
        var reduced = numerator / denominator;
        var offset = (T.Create(Math.PI / 2) & large) | (T.Create(Math.PI / 4) & middle);
        var tail = (T.Create(6.123233995736766E-17) & large) | (T.Create(3.061616997868383E-17) & middle);
        var z = reduced * reduced;
        var p = (((T.Create(-8.750608600031904122785E-1) * z + T.Create(-1.615753718733365076637E1)) * z
            + T.Create(-7.500855792314704667340E1)) * z + T.Create(-1.228866684490136173410E2)) * z
            + T.Create(-6.485021904942025371773E1);
        var q = ((((z + T.Create(2.485846490142306297962E1)) * z + T.Create(1.650270098316988542046E2)) * z
            + T.Create(4.328810604912902668951E2)) * z + T.Create(4.853903996359136964868E2)) * z
            + T.Create(1.945506571482613964425E2);
        return offset + (reduced * (z * p / q) + reduced + tail);
    }

    /// <summary>arcsin as atan2(x, √(1−x²)): ≤ 2 ulp from <see cref="Math.Asin"/> on [−1, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Asin(T x) => Atan2(x, Cathetus(x));

    /// <summary>arccos as atan2(√(1−x²), x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Acos(T x) => Atan2(Cathetus(x), x);

    /// <summary>√(1−x²), written √((1−x)(1+x)) so it stays accurate near |x| = 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Cathetus(T x) => T.Sqrt((One - x) * (One + x));

    /// <summary>tan as sin/cos, ≤ 3 ulp from <see cref="Math.Tan"/> in measurements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Tan(T x)
    {
        var (sin, cos) = T.SinCos(x);
        return sin / cos;
    }

    /// <summary>
    /// a^b as e^(b·ln a) for bases in (0, ∞) and finite exponents, else lane by lane with <see cref="Math.Pow"/>.
    /// The relative error grows with |b·ln a| (about 3·10⁻¹³ at the edge of the double range).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Pow(T a, T b) => PowFromLog(a, b, T.Log(a));

    /// <summary>a^b given <paramref name="log"/> = ln a, as <see cref="Pow"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T PowFromLog(T a, T b, T log)
    {
        var ordinary = T.GreaterThan(a, Zero) & T.LessThan(a, Infinity) & T.LessThan(T.Abs(b), Infinity);
        if (!T.All(ordinary)) return PerLane(a, b, Math.Pow);
        return T.Exp(b * log);
    }

    /// <summary>
    /// ∂(a^b)/∂a from the power r = a^b already computed: b·(r/a), as <see cref="SpecialFunctions.PowBaseSlope"/>;
    /// lanes where that quotient is not a normal number go through the scalar method.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T PowBaseSlope(T a, T b, T r)
    {
        var quotient = r / a;
        if (!T.All(IsNormal(r) & IsNormal(quotient))) return PerLane(a, b, r, SpecialFunctions.PowBaseSlope);
        // b = 0 gives 0·quotient = 0 here, the scalar method's value too.
        return b * quotient;
    }

    /// <summary>
    /// sinh, ≤ 4 ulp from <see cref="Math.Sinh"/> in measurements: the Taylor series below |x| = 1 (ten terms,
    /// the next below 10⁻¹⁹ relative), (eᵗ − e⁻ᵗ)/2 above, where the subtraction loses under a bit; lanes beyond
    /// |x| = 700 (where eᵗ overflows before sinh does) or NaN go lane by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sinh(T x)
    {
        var t = T.Abs(x);
        if (!T.All(T.LessThan(t, Overflow))) return PerLane(x, Math.Sinh);
        return SinhOfMagnitude(t, T.Exp(t)) ^ (x & SignBit);
    }

    /// <summary>cosh as (eᵗ + e⁻ᵗ)/2 (no cancellation), ≤ 4 ulp from <see cref="Math.Cosh"/>; beyond |x| = 700 or NaN lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Cosh(T x)
    {
        var t = T.Abs(x);
        if (!T.All(T.LessThan(t, Overflow))) return PerLane(x, Math.Cosh);
        var e = T.Exp(t);
        return (e + One / e) * Half;
    }

    /// <summary>Where eᵗ and so sinh and cosh by their exponential formulas stay finite.</summary>
    private static T Overflow { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => T.Create(700.0); }

    /// <summary>sinh t for t ≥ 0 given e = eᵗ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T SinhOfMagnitude(T t, T e)
    {
        var t2 = t * t;
        var series = One;
        for (int k = 19; k >= 3; k -= 2) series = One + t2 / T.Create(k * (k - 1)) * series;
        return T.Select(T.LessThan(t, One), t * series, (e - One / e) * Half);
    }

    /// <summary>
    /// arsinh t = log1p(t + t²/(1 + √(1 + t²))) on t = |x| (accurate near 0, where log(t + √(1 + t²)) cancels),
    /// ≤ 4 ulp from <see cref="Math.Asinh"/>; beyond |x| = 10¹⁵⁰ (where t² overflows) or NaN lane by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Asinh(T x)
    {
        var t = T.Abs(x);
        if (!T.All(T.LessThan(t, T.Create(1e150)))) return PerLane(x, Math.Asinh);
        var t2 = t * t;
        return Log1p(t + t2 / (One + T.Sqrt(One + t2))) ^ (x & SignBit);
    }

    /// <summary>
    /// arcosh x = log1p((x − 1) + √((x − 1)(x + 1))) (accurate near 1), ≤ 4 ulp from <see cref="Math.Acosh"/>; lanes
    /// below 1, beyond 10¹⁵⁰ or NaN go lane by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Acosh(T x)
    {
        if (!T.All(T.GreaterThanOrEqual(x, One) & T.LessThan(x, T.Create(1e150)))) return PerLane(x, Math.Acosh);
        var excess = x - One;
        return Log1p(excess + T.Sqrt(excess * (x + One)));
    }

    /// <summary>log(1 + x), written as <see cref="SpecialFunctions.Log1p"/> with the vector logarithm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Log1p(T x)
    {
        var u = One + x;
        var log = T.Log(u);
        var corrected = T.Select(T.EqualTo(T.Abs(u), Infinity), log, log * x / (u - One));
        return T.Select(T.EqualTo(u, One), x, corrected);
    }

    /// <summary>artanh x = sign(x)·½·log1p(2|x|/(1−|x|)), ≤ 4 ulp from <see cref="Math.Atanh"/> in measurements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Atanh(T x)
    {
        // On |x| the quotient is ≥ 0, where log1p is well conditioned (near x = −1 it would not be).
        var t = T.Abs(x);
        return (Half * Log1p((t + t) / (One - t))) ^ (x & SignBit);
    }

    /// <summary>
    /// erf by the series of <see cref="SpecialFunctions.Erf"/>, summed on all lanes until every lane has
    /// converged; a converged lane stops adding terms, so each lane sums exactly what the scalar code sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Erf(T x)
    {
        var ax = T.Abs(x);
        var saturated = T.GreaterThanOrEqual(ax, T.Create(6.0));
        // Saturated lanes sum nothing (x² = 0 makes their terms vanish at once).
        var x2 = (ax * ax) & ~saturated;
        var term = ax & ~saturated;
        var sum = term;
        var active = T.GreaterThan(term, sum * T.Create(1e-17));
        for (int n = 1; n < 200 && T.Any(active); n++)
        {
            term *= T.Create(2.0) * x2 / T.Create(2.0 * n + 1);
            sum += term & active;
            active &= T.GreaterThan(term, sum * T.Create(1e-17));
        }
        var value = T.Create(SpecialFunctions.TwoOverSqrtPi) * T.Exp(-x2) * sum;
        value = T.Select(saturated, One, value) ^ (x & SignBit);
        // NaN lanes: the comparisons above are false, so force NaN back.
        return T.Select(T.EqualTo(x, x), value, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T IsFiniteNonZero(T v)
    {
        var magnitude = T.Abs(v);
        return T.LessThan(magnitude, Infinity) & T.GreaterThan(magnitude, Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T IsNormal(T v)
    {
        var magnitude = T.Abs(v);
        return T.LessThan(magnitude, Infinity) & T.GreaterThanOrEqual(magnitude, SmallestNormal);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T PerLane(T a, Func<double, double> f)
    {
        Span<double> values = stackalloc double[T.Count];
        for (int lane = 0; lane < values.Length; lane++) values[lane] = f(a[lane]);
        return T.Create(values);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T PerLane(T a, T b, Func<double, double, double> f)
    {
        Span<double> values = stackalloc double[T.Count];
        for (int lane = 0; lane < values.Length; lane++) values[lane] = f(a[lane], b[lane]);
        return T.Create(values);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T PerLane(T a, T b, T c, Func<double, double, double, double> f)
    {
        Span<double> values = stackalloc double[T.Count];
        for (int lane = 0; lane < values.Length; lane++) values[lane] = f(a[lane], b[lane], c[lane]);
        return T.Create(values);
    }
}
