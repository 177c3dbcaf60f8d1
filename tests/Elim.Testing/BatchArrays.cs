namespace Elim.Testing;

/// <summary>
/// Where the values of a batch's points live: point after point (<c>perPoint</c>, N×width) or row by row (structure of
/// arrays, width×N), the two batch layouts of the CPU and GPU backends.
/// </summary>
public static class BatchArrays
{
    /// <summary>Where element k of point p lives in a batch of <paramref name="count"/> points of <paramref name="width"/> elements.</summary>
    public static int Index(bool perPoint, int p, int k, int width, int count) => perPoint ? p * width + k : k * count + p;

    /// <summary>The points (each of the same width) as one batch array.</summary>
    public static double[] Lay(IReadOnlyList<double[]> points, bool perPoint)
    {
        int count = points.Count, width = count == 0 ? 0 : points[0].Length;
        var batch = new double[count * width];
        for (int p = 0; p < count; p++)
            for (int k = 0; k < width; k++) batch[Index(perPoint, p, k, width, count)] = points[p][k];
        return batch;
    }
}
