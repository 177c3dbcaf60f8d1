using System.Runtime.CompilerServices;
using Elim.Backend.Runtime.Lanes;
using Elim.Graph;

namespace Elim.Backend.Runtime;

/// <summary>
/// Whole-vector forms of the functions that <c>Vector256</c> and <c>Vector512</c> lack, called by vector batch
/// kernels: <typeparamref name="TVector"/> is the vector type (<c>Vector256&lt;double&gt;</c> or
/// <c>Vector512&lt;double&gt;</c>) and <typeparamref name="T"/> the struct that wraps it (<see cref="Lanes4"/> or
/// <see cref="Lanes8"/>). Each agrees with the scalar method (<see cref="Math"/> or <see cref="SpecialFunctions"/>)
/// to a few ulp on ordinary arguments (see <see cref="LaneMath{T}"/> for each bound); a vector holding a special
/// argument (zero, infinity, NaN, a base ≤ 0) is computed lane by lane with the scalar method, so edge cases keep
/// the scalar semantics exactly.
/// Optimised at once (AggressiveOptimization): tier-0 code of vector arithmetic is several times slower, and
/// in a process that keeps compiling new methods (the perf harness) the runtime kept these at tier 0 long
/// enough to slow kernels down. Never inlined into a kernel: their locals count against the 1,024 the JIT tracks
/// per method, past which g's kernel kept its values in memory (perf/results/design-measurements.md). Kernels take pow's parts inline as IL instead
/// (the emitter's <c>PowShortcuts</c>) and call these for vectors with special lanes.
/// </summary>
public static class VectorMath<T, TVector> where T : struct, ILanes<T> where TVector : struct
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static TVector Atan(TVector x) => Out(LaneMath<T>.Atan(In(x)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static TVector Atan2(TVector y, TVector x) => Out(LaneMath<T>.Atan2(In(y), In(x)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static TVector Asin(TVector x) => Out(LaneMath<T>.Asin(In(x)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static TVector Acos(TVector x) => Out(LaneMath<T>.Acos(In(x)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static TVector Tan(TVector x) => Out(LaneMath<T>.Tan(In(x)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static TVector Pow(TVector a, TVector b) => Out(LaneMath<T>.Pow(In(a), In(b)));

    /// <summary>a^b given <paramref name="log"/> = ln a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static TVector PowFromLog(TVector a, TVector b, TVector log) => Out(LaneMath<T>.PowFromLog(In(a), In(b), In(log)));

    /// <summary>∂(a^b)/∂a from the power r = a^b already computed, as <see cref="SpecialFunctions.PowBaseSlope"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static TVector PowBaseSlope(TVector a, TVector b, TVector r) => Out(LaneMath<T>.PowBaseSlope(In(a), In(b), In(r)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static TVector Sinh(TVector x) => Out(LaneMath<T>.Sinh(In(x)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static TVector Cosh(TVector x) => Out(LaneMath<T>.Cosh(In(x)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static TVector Acosh(TVector x) => Out(LaneMath<T>.Acosh(In(x)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static TVector Asinh(TVector x) => Out(LaneMath<T>.Asinh(In(x)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static TVector Log1p(TVector x) => Out(LaneMath<T>.Log1p(In(x)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static TVector Atanh(TVector x) => Out(LaneMath<T>.Atanh(In(x)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static TVector Erf(TVector x) => Out(LaneMath<T>.Erf(In(x)));

    // Vectors cross calls as themselves: the runtime passes them well, while copies of the wrapper struct
    // stalled on store forwarding.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T In(TVector value) => Unsafe.BitCast<TVector, T>(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Out(T value) => Unsafe.BitCast<T, TVector>(value);
}
