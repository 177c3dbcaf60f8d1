using Elim.Testing;
using System.Globalization;

namespace Elim.TorchOracle.Tests;

/// <summary>
/// Mixed absolute/relative comparison: |actual − expected| ≤ bound, where a bound is tolerance ·
/// max(1, |expected|) unless a <see cref="RoundingScale"/> widens it. Elim and torch evaluate the same
/// operations with different elementary-function kernels (an ulp apart at most, seen for erf) and
/// accumulate Jacobian entries in different orders, so agreement is to rounding amplified by the graph,
/// not bit for bit. The absolute floor (the "1") keeps entries near zero, where a sum of O(1) path
/// products cancels, from demanding relative digits that no floating-point evaluation has.
/// </summary>
internal static class Closeness
{
    public static void Equal(double[] expected, double[] actual, Func<int, double, double> bound, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Entry(expected[i], actual[i], bound(i, expected[i]), $"{what}[{i}]");
    }

    public static void Equal(double[,] expected, double[,] actual, Func<int, int, double, double> bound, string what)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (int i = 0; i < expected.GetLength(0); i++)
        for (int j = 0; j < expected.GetLength(1); j++)
            Entry(expected[i, j], actual[i, j], bound(i, j, expected[i, j]), $"{what}[{i},{j}]");
    }

    public static void Equal(double[,] expected, double[,] actual, double tolerance, string what) =>
        Equal(expected, actual, (_, _, e) => Relative(e, tolerance), what);

    public static void Equal(double[] expected, double[] actual, double tolerance, string what) =>
        Equal(expected, actual, (_, e) => Relative(e, tolerance), what);

    public static double Relative(double expected, double tolerance) => tolerance * Math.Max(1, Math.Abs(expected));

    public static void Entry(double expected, double actual, double bound, string what)
    {
        Assert.True(double.IsFinite(expected), $"{what}: the oracle gave {expected}; the test point is outside the domain.");
        double error = Math.Abs(actual - expected);
        Assert.True(error <= bound,
            string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, got {actual:R} (error {error:E2}, bound {bound:E2})"));
    }
}
