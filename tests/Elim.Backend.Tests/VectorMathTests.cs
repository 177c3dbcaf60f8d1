using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Elim.Backend.Runtime.Lanes;
using Elim.Graph;
using Elim.Backend.Runtime;

namespace Elim.Backend.Tests;

/// <summary>Four lanes (<see cref="Vector256{T}"/>).</summary>
public sealed class VectorMath4Tests : VectorMathTests<Lanes4, Vector256<double>>;

/// <summary>Eight lanes (<see cref="Vector512{T}"/>; emulated where the processor lacks AVX-512).</summary>
public sealed class VectorMath8Tests : VectorMathTests<Lanes8, Vector512<double>>;

/// <summary>
/// <see cref="VectorMath{T, TVector}"/> against the scalar methods it stands in for: within a few ulp on many random
/// arguments, and exactly the scalar values on the edges of each domain (zeros, infinities, NaN).
/// </summary>
public abstract class VectorMathTests<T, V> where T : struct, ILanes<T> where V : struct
{
    private static readonly int Lanes = T.Count;

    private const int Vectors = 20_000;
    private static readonly double[] Edges =
        [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -3.0, 1e-310, 1e300, -1e300, double.PositiveInfinity, double.NegativeInfinity, double.NaN];

    public static TheoryData<string> Unary() => new(UnaryCases.Keys);

    public static TheoryData<string> Binary() => new(BinaryCases.Keys);

    private static readonly Dictionary<string, (Func<V, V> Vector, Func<double, double> Scalar, Func<Random, double> Argument, double Ulps)> UnaryCases = new()
    {
        ["atan"] = (VectorMath<T, V>.Atan, Math.Atan, Wide, 2),
        ["tan"] = (VectorMath<T, V>.Tan, Math.Tan, r => Wide(r) % 1e6, 8),
        ["asin"] = (VectorMath<T, V>.Asin, Math.Asin, Unit, 4),
        ["acos"] = (VectorMath<T, V>.Acos, Math.Acos, Unit, 4),
        ["atanh"] = (VectorMath<T, V>.Atanh, Math.Atanh, Unit, 8),
        ["atanh near 0"] = (VectorMath<T, V>.Atanh, Math.Atanh, r => Unit(r) * 1e-7, 8),
        ["log1p"] = (VectorMath<T, V>.Log1p, SpecialFunctions.Log1p, r => Math.Max(Wide(r), -1), 8),
        ["sinh"] = (VectorMath<T, V>.Sinh, Math.Sinh, r => Wide(r) % 710, 4),
        ["sinh near 1"] = (VectorMath<T, V>.Sinh, Math.Sinh, r => Unit(r) * 2, 4),
        ["cosh"] = (VectorMath<T, V>.Cosh, Math.Cosh, r => Wide(r) % 710, 4),
        ["acosh"] = (VectorMath<T, V>.Acosh, Math.Acosh, r => 1 + Math.Abs(Wide(r)), 4),
        ["acosh near 1"] = (VectorMath<T, V>.Acosh, Math.Acosh, r => 1 + r.NextDouble() * 1e-6, 4),
        ["asinh"] = (VectorMath<T, V>.Asinh, Math.Asinh, Wide, 4),
        ["asinh extreme"] = (VectorMath<T, V>.Asinh, Math.Asinh, Extreme, 4),
        ["erf"] = (VectorMath<T, V>.Erf, SpecialFunctions.Erf, r => Unit(r) * 7, 8),
    };

    private static readonly Dictionary<string, (Func<V, V, V> Vector, Func<double, double, double> Scalar, Func<Random, double> A, Func<Random, double> B, Func<double, double, double> Ulps)> BinaryCases = new()
    {
        ["atan2"] = (VectorMath<T, V>.Atan2, Math.Atan2, Wide, Wide, (_, _) => 3),
        ["atan2 extreme"] = (VectorMath<T, V>.Atan2, Math.Atan2, Extreme, Extreme, (_, _) => 3),
        ["pow"] = (VectorMath<T, V>.Pow, Math.Pow, r => r.NextDouble() * 10, r => Unit(r) * 20, PowUlps),
        ["pow wide"] = (VectorMath<T, V>.Pow, Math.Pow, r => Math.Abs(Wide(r)), r => Unit(r) * 30, PowUlps),
        ["pow from log"] = ((a, b) => VectorMath<T, V>.PowFromLog(a, b, Log(a)), Math.Pow, r => r.NextDouble() * 10, r => Unit(r) * 20, PowUlps),
    };

    /// <summary>e^(b·ln a) inherits the rounding of b·ln a: a few ulp per unit of |b·ln a|.</summary>
    private static double PowUlps(double a, double b) => 8 + 4 * Math.Abs(b * Math.Log(a));

    [Theory]
    [MemberData(nameof(Unary))]
    public void UnaryFunctionsStayWithinAFewUlp(string name)
    {
        var (vector, scalar, argument, ulps) = UnaryCases[name];
        var random = new Random(name.Length);
        for (int i = 0; i < Vectors; i++)
        {
            var x = Random(argument, random);
            var result = vector(Vector(x));
            for (int lane = 0; lane < Lanes; lane++) AssertNear(scalar(x[lane]), Lane(result, lane), ulps, $"{name}({x[lane]:R})");
        }
    }

    [Theory]
    [MemberData(nameof(Unary))]
    public void UnaryFunctionsKeepTheScalarValuesAtTheEdges(string name)
    {
        var (vector, scalar, _, ulps) = UnaryCases[name];
        foreach (var chunk in Edges.Chunk(Lanes).Select(c => c.Concat(Enumerable.Repeat(0.25, Lanes - c.Length)).ToArray()))
        {
            var result = vector(Vector(chunk));
            for (int lane = 0; lane < Lanes; lane++) AssertNear(scalar(chunk[lane]), Lane(result, lane), ulps, $"{name}({chunk[lane]:R})");
        }
    }

    [Theory]
    [MemberData(nameof(Binary))]
    public void BinaryFunctionsStayWithinAFewUlp(string name)
    {
        var (vector, scalar, aArgument, bArgument, ulps) = BinaryCases[name];
        var random = new Random(name.Length);
        for (int i = 0; i < Vectors; i++)
        {
            var (a, b) = (Random(aArgument, random), Random(bArgument, random));
            var result = vector(Vector(a), Vector(b));
            for (int lane = 0; lane < Lanes; lane++)
                AssertNear(scalar(a[lane], b[lane]), Lane(result, lane), ulps(a[lane], b[lane]), $"{name}({a[lane]:R}, {b[lane]:R})");
        }
    }

    [Theory]
    [MemberData(nameof(Binary))]
    public void BinaryFunctionsKeepTheScalarValuesAtTheEdges(string name)
    {
        var (vector, scalar, _, _, ulps) = BinaryCases[name];
        foreach (double a in Edges)
        {
            foreach (double b in Edges)
            {
                // The edge pair in one lane, ordinary values in the others.
                var result = vector(Vector(a, 1.5, 2.5, 0.75), Vector(b, 0.5, -1.5, 3.0));
                AssertNear(scalar(a, b), Lane(result, 0), ulps(a, b), $"{name}({a:R}, {b:R})");
                AssertNear(scalar(2.5, -1.5), Lane(result, 2), ulps(2.5, -1.5), name);
            }
        }
    }

    [Fact]
    public void PowBaseSlopeMatchesTheScalarSlope()
    {
        var random = new Random(7);
        double[] ordinary = [0.3, 1.7, 2.5, 9.0];
        foreach (double a in Edges.Concat(ordinary))
        {
            foreach (double b in Edges.Concat(ordinary))
            {
                double r = Math.Pow(a, b);
                double slope = Lane(VectorMath<T, V>.PowBaseSlope(Vector(a, 1.3, 0.7, 4.0), Vector(b, 2.0, -0.5, 1.5),
                    Vector(r, Math.Pow(1.3, 2.0), Math.Pow(0.7, -0.5), Math.Pow(4.0, 1.5))), 0);
                double expected = SpecialFunctions.PowBaseSlope(a, b, r);
                Assert.True(expected.Equals(slope) || Math.Abs(expected - slope) <= 4 * Math.Abs(expected) * double.Epsilon,
                    $"slope at ({a:R}, {b:R}): expected {expected:R}, got {slope:R}");
                // Where b − 1 rounds to b, b·a^(b−1) is itself wrong (a = −1, b = 10³⁰⁰: the slope is −b, not b).
                if (b - 1 == b) continue;
                double textbook = b == 0 ? 0 : b * Math.Pow(a, b - 1);
                AssertNear(textbook, expected, TextbookUlps(a, b), $"b·a^(b−1) at ({a:R}, {b:R})");
            }
        }
        for (int i = 0; i < Vectors; i++)
        {
            double a = random.NextDouble() * 10, b = Unit(random) * 20;
            AssertNear(b * Math.Pow(a, b - 1), SpecialFunctions.PowBaseSlope(a, b, Math.Pow(a, b)), TextbookUlps(a, b), $"slope at ({a:R}, {b:R})");
        }
    }

    /// <summary>b·a^(b−1) carries the rounding of b − 1 amplified by |ln a| (about 350 ulp at a = 10⁻³¹⁰).</summary>
    private static double TextbookUlps(double a, double b)
    {
        double exponent = Math.Abs(b - 1);
        double rounding = Math.BitIncrement(exponent) - exponent;
        const double unitRoundoff = 2.220446049250313E-16;
        return double.IsFinite(a) && a != 0 ? 8 + 2 * Math.Abs(Math.Log(Math.Abs(a))) * rounding / unitRoundoff : 8;
    }

    private static double[] Random(Func<Random, double> argument, Random random) =>
        Enumerable.Range(0, Lanes).Select(_ => argument(random)).ToArray();

    /// <summary>A vector of <paramref name="values"/>, repeated to fill every lane.</summary>
    private static V Vector(params double[] values) =>
        Unsafe.BitCast<T, V>(T.Create(Enumerable.Range(0, Lanes).Select(i => values[i % values.Length]).ToArray()));

    private static V Log(V vector) => Unsafe.BitCast<T, V>(T.Log(Unsafe.BitCast<V, T>(vector)));

    private static double Lane(V vector, int lane) => Unsafe.BitCast<V, T>(vector)[lane];

    private static double Wide(Random random) => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9));

    private static double Unit(Random random) => random.NextDouble() * 2 - 1;

    private static double Extreme(Random random) => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-307, 308));

    private static void AssertNear(double expected, double actual, double ulps, string where)
    {
        if (expected.Equals(actual)) return;
        double ulp = Math.Max(Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected), double.Epsilon);
        Assert.True(Math.Abs(expected - actual) <= ulps * ulp,
            $"{where}: expected {expected:R}, got {actual:R} ({Math.Abs(expected - actual) / ulp:F1} ulp, allowed {ulps})");
    }
}
