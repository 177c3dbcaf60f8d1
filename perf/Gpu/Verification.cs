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

    /// <summary>
    /// The largest |a − b| over the entries of each point's Jacobian divided by that Jacobian's largest |a|
    /// (structure-of-arrays layout: entry e of point p at e·batch + p). Unlike the entrywise figure it does not blow up
    /// on entries that cancel to nearly zero, where a GPU's fused multiply-adds round differently from the CPU code.
    /// </summary>
    public static double MaxNormwiseDifference(double[] expected, double[] actual, int batch)
    {
        long entries = expected.LongLength / batch;
        double worst = 0;
        for (int p = 0; p < batch; p++)
        {
            double scale = 0, difference = 0;
            for (long e = 0; e < entries; e++)
            {
                double a = expected[e * batch + p], b = actual[e * batch + p];
                scale = Math.Max(scale, Math.Abs(a));
                difference = a.Equals(b) ? difference : Math.Max(difference, Math.Abs(a - b));
            }
            if (difference > 0) worst = Math.Max(worst, scale > 0 ? difference / scale : double.PositiveInfinity);
        }
        return worst;
    }
}
