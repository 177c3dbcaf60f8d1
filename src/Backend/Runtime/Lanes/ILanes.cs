using System.Numerics;

namespace Elim.Backend.Runtime.Lanes;

/// <summary>
/// A vector of doubles as <see cref="VectorMath{T, TVector}"/> sees it, so one generic implementation serves every width
/// (<see cref="Lanes4"/>, <see cref="Lanes8"/>). Comparisons return masks: all bits set in lanes where they hold.
/// The implementing structs wrap one <c>Vector256</c> or <c>Vector512</c> and forward to it (the two are alike
/// line for line because .NET's own interface over its vector types, <c>ISimdVector</c>, is internal); the JIT
/// compiles each generic method once per struct and inlines the forwarding.
/// </summary>
public interface ILanes<T> :
    IAdditionOperators<T, T, T>, ISubtractionOperators<T, T, T>, IMultiplyOperators<T, T, T>,
    IDivisionOperators<T, T, T>, IBitwiseOperators<T, T, T>, IUnaryNegationOperators<T, T>
    where T : struct, ILanes<T>
{
    /// <summary>Doubles per vector.</summary>
    static abstract int Count { get; }

    /// <summary>The value in lane <paramref name="lane"/>.</summary>
    double this[int lane] { get; }

    static abstract T Create(double value);

    /// <summary>A vector of the first <see cref="Count"/> values.</summary>
    static abstract T Create(ReadOnlySpan<double> values);

    static abstract T Abs(T value);

    static abstract T Sqrt(T value);

    static abstract T Exp(T value);

    static abstract T Log(T value);

    static abstract (T Sin, T Cos) SinCos(T value);

    static abstract T LessThan(T left, T right);

    static abstract T GreaterThan(T left, T right);

    static abstract T GreaterThanOrEqual(T left, T right);

    static abstract T EqualTo(T left, T right);

    static abstract T Max(T left, T right);

    /// <summary>Lanes of <paramref name="whenTrue"/> where the mask is set, else of <paramref name="whenFalse"/>.</summary>
    static abstract T Select(T mask, T whenTrue, T whenFalse);

    /// <summary>Whether every lane of the mask is set.</summary>
    static abstract bool All(T mask);

    /// <summary>Whether some lane of the mask is set.</summary>
    static abstract bool Any(T mask);
}
