using Elim.Testing;

namespace Elim.Gpu.Tests;

/// <summary>Runs a batch on a device and checks every point against the CPU backend's single-point evaluation.</summary>
public static class Agreement
{
    public const double Tolerance = 1e-12;

    /// <summary>
    /// Evaluates <paramref name="points"/> (with their <paramref name="data"/>, for a function with data inputs) in
    /// <paramref name="layout"/> on the device; asserts each equals the CPU backend.
    /// </summary>
    public static void Check(GpuJacobian gpu, JacobianFunction cpu, IReadOnlyList<double[]> points, string where,
        BatchLayout layout = BatchLayout.StructureOfArrays, IReadOnlyList<double[]>? data = null)
    {
        int count = points.Count, n = cpu.InputCount, m = cpu.OutputCount;
        bool perPoint = layout == BatchLayout.PerPoint;
        data ??= points.Select(_ => Array.Empty<double>()).ToArray();
        var outputs = new double[count * m];
        var jacobians = new double[count * m * n];
        gpu.Evaluate(BatchArrays.Lay(points, perPoint), BatchArrays.Lay(data, perPoint), outputs, jacobians, count, layout);

        var expectedOutputs = new double[m];
        var expectedJacobian = new double[m * n];
        for (int p = 0; p < count; p++)
        {
            cpu.Evaluate(points[p], data[p], expectedOutputs, expectedJacobian);
            double outputScale = expectedOutputs.Select(Math.Abs).DefaultIfEmpty().Max();
            for (int o = 0; o < m; o++) Equal(expectedOutputs[o], outputs[BatchArrays.Index(perPoint, p, o, m, count)], outputScale, $"{where} point {p} y[{o}]");
            for (int e = 0; e < m * n; e++)
            {
                double rowScale = expectedJacobian.Skip(e / n * n).Take(n).Max(Math.Abs);
                Equal(expectedJacobian[e], jacobians[BatchArrays.Index(perPoint, p, e, m * n, count)], rowScale, $"{where} point {p} J[{e / n},{e % n}]");
            }
        }
    }

    /// <summary>
    /// Asserts actual is within <see cref="Tolerance"/> of expected, relative to <paramref name="scale"/> (the largest
    /// magnitude of the entry's row, or of the point's outputs) or to the entry itself if larger. An entry that cancels
    /// to nearly zero can differ by more than 1e-12 of itself wherever a kernel rounds differently (fused multiply-adds
    /// on a GPU, the kernels' own inverse hyperbolic functions), never by more than that of its row.
    /// </summary>
    public static void Equal(double expected, double actual, double scale, string where)
    {
        bool close = expected.Equals(actual)
            || Math.Abs(expected - actual) <= Tolerance * Math.Max(scale, Math.Max(Math.Abs(expected), Math.Abs(actual)));
        if (!close) Assert.Fail($"{where}: CPU backend {expected:R}, kernel {actual:R}.");
    }
}
