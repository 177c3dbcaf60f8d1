namespace Elim.Backend.Tests;

/// <summary>Comparison of computed numbers to a reference, relative to their size.</summary>
public static class Close
{
    public const double Tolerance = 1e-12;

    public static bool Enough(double expected, double actual, double tolerance = Tolerance) =>
        expected.Equals(actual) || Math.Abs(expected - actual) <= tolerance * Math.Max(Math.Abs(expected), Math.Abs(actual));

    public static void Equal(double expected, double actual, string where, double tolerance = Tolerance)
    {
        if (!Enough(expected, actual, tolerance))
            Assert.Fail($"{where}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(expected - actual) / Math.Abs(expected):E2}).");
    }

    public static void Equal(double[,] expected, ReadOnlySpan<double> rowMajor, string where, double tolerance = Tolerance)
    {
        int columns = expected.GetLength(1);
        Assert.Equal(expected.Length, rowMajor.Length);
        for (int r = 0; r < expected.GetLength(0); r++)
            for (int c = 0; c < columns; c++)
                Equal(expected[r, c], rowMajor[r * columns + c], $"{where} J[{r},{c}]", tolerance);
    }
}
