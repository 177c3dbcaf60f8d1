using Elim.Testing;

namespace Elim.Backend.Tests;

/// <summary><see cref="BatchArrays"/> by <see cref="BatchLayout"/>.</summary>
public static class Batches
{
    /// <summary>Where element k of point p lives in a batch of <paramref name="count"/> points of <paramref name="width"/> elements.</summary>
    public static int Index(BatchLayout layout, int p, int k, int width, int count) =>
        BatchArrays.Index(layout == BatchLayout.PerPoint, p, k, width, count);

    /// <summary>The points (each of the same width) as one batch array in <paramref name="layout"/>.</summary>
    public static double[] Lay(IReadOnlyList<double[]> points, BatchLayout layout) => BatchArrays.Lay(points, layout == BatchLayout.PerPoint);
}
