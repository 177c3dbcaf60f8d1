namespace Elim.Testing;

/// <summary>
/// Compares Jacobians entry by entry with a relative tolerance. An entry's scale is the larger of its
/// two magnitudes, floored by 1e-3 of the largest magnitude in its row and, when given, by a
/// <see cref="RoundingScale"/>: an entry that is tiny only because of cancellation is judged against
/// the size of what cancelled, not against zero.
/// </summary>
public static class JacobianComparison
{
    /// <summary>
    /// The first entry that differs by more than <paramref name="relativeTolerance"/> (plus
    /// <paramref name="absoluteTolerance"/>, an allowance for approximate oracles), as a message; null if none.
    /// </summary>
    public static string? FirstMismatch(double[,] expected, double[,] actual, double relativeTolerance, double absoluteTolerance = 0,
        double[,]? scale = null)
    {
        if (expected.GetLength(0) != actual.GetLength(0) || expected.GetLength(1) != actual.GetLength(1))
            return $"shape {expected.GetLength(0)}×{expected.GetLength(1)} vs {actual.GetLength(0)}×{actual.GetLength(1)}";
        for (int row = 0; row < expected.GetLength(0); row++)
        {
            double rowScale = 0;
            for (int col = 0; col < expected.GetLength(1); col++)
                if (double.IsFinite(expected[row, col])) rowScale = Math.Max(rowScale, Math.Abs(expected[row, col])); // a NaN entry judges only itself
            for (int col = 0; col < expected.GetLength(1); col++)
            {
                double e = expected[row, col], a = actual[row, col];
                if (double.IsNaN(e) && double.IsNaN(a)) continue;
                double pathScale = scale?[row, col] ?? 0;
                if (!double.IsFinite(pathScale)) pathScale = 0; // an infinite partial somewhere: fall back to the entries' own size
                double entryScale = Math.Max(Math.Max(Math.Abs(e), Math.Abs(a)), Math.Max(rowScale * 1e-3, pathScale));
                if (!(Math.Abs(e - a) <= relativeTolerance * entryScale + absoluteTolerance) && e != a)
                    return $"J[{row},{col}]: expected {e:R}, got {a:R} (relative difference {Math.Abs(e - a) / entryScale:E2})";
            }
        }
        return null;
    }

    /// <summary>Throws with the first mismatch if the Jacobians differ by more than <paramref name="relativeTolerance"/>.</summary>
    public static void AssertClose(double[,] expected, double[,] actual, double relativeTolerance, string context = "",
        double absoluteTolerance = 0, double[,]? scale = null)
    {
        string? mismatch = FirstMismatch(expected, actual, relativeTolerance, absoluteTolerance, scale);
        if (mismatch is not null) throw new Xunit.Sdk.XunitException($"{context} {mismatch}".Trim());
    }
}
