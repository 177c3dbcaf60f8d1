namespace Elim.Perf.Gpu;

/// <summary>Checks that a timed kernel computed the CPU backend's numbers.</summary>
internal static class Verification
{
    /// <summary>The largest |a − b| / max(|a|, |b|) over the entries (0 where both are equal, NaN pairs included).</summary>
    public static double MaxRelativeDifference(double[] expected, double[] actual)
    {
        double worst = 0;
        for (long k = 0; k < expected.LongLength; k++)
        {
            double a = expected[k], b = actual[k];
            if (a.Equals(b)) continue;
            worst = Math.Max(worst, Math.Abs(a - b) / Math.Max(Math.Abs(a), Math.Abs(b)));
        }
        return worst;
    }
}
