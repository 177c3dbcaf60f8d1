using Elim.Backend.Cpu;

namespace Elim.Backend.Tests;

/// <summary>Where the values of a batch's points live in each <see cref="BatchLayout"/>.</summary>
public static class Batches
{
    /// <summary>Where element k of point p lives in a batch of <paramref name="count"/> points of <paramref name="width"/> elements.</summary>
    public static int Index(BatchLayout layout, int p, int k, int width, int count) =>
        layout == BatchLayout.PerPoint ? p * width + k : k * count + p;

    /// <summary>The points (each of the same width) as one batch array in <paramref name="layout"/>.</summary>
    public static double[] Lay(IReadOnlyList<double[]> points, BatchLayout layout)
    {
        int count = points.Count, width = count == 0 ? 0 : points[0].Length;
        var batch = new double[count * width];
        for (int p = 0; p < count; p++)
            for (int k = 0; k < width; k++) batch[Index(layout, p, k, width, count)] = points[p][k];
        return batch;
    }
}
