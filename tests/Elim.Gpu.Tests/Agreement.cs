using Elim.Backend.Cpu;

namespace Elim.Gpu.Tests;

/// <summary>Runs a batch on a device and checks every point against the CPU backend's single-point evaluation.</summary>
public static class Agreement
{
    public const double Tolerance = 1e-12;

    /// <summary>Evaluates <paramref name="points"/> in <paramref name="layout"/> on the device; asserts each equals the CPU backend.</summary>
    public static void Check(GpuJacobian gpu, JacobianFunction cpu, IReadOnlyList<double[]> points, string where,
        BatchLayout layout = BatchLayout.StructureOfArrays)
    {
        int count = points.Count, n = cpu.InputCount, m = cpu.OutputCount;
        var x = new double[count * n];
        for (int p = 0; p < count; p++)
            for (int i = 0; i < n; i++)
                x[layout == BatchLayout.PerPoint ? p * n + i : i * count + p] = points[p][i];
        var outputs = new double[count * m];
        var jacobians = new double[count * m * n];
        gpu.Evaluate(x, outputs, jacobians, count, layout);

        var expectedOutputs = new double[m];
        var expectedJacobian = new double[m * n];
        for (int p = 0; p < count; p++)
        {
            cpu.Evaluate(points[p], expectedOutputs, expectedJacobian);
            for (int o = 0; o < m; o++)
                Equal(expectedOutputs[o], outputs[layout == BatchLayout.PerPoint ? p * m + o : o * count + p], $"{where} point {p} y[{o}]");
            for (int e = 0; e < m * n; e++)
                Equal(expectedJacobian[e], jacobians[layout == BatchLayout.PerPoint ? p * m * n + e : e * count + p],
                    $"{where} point {p} J[{e / n},{e % n}]");
        }
    }

    /// <summary>Asserts actual is within <see cref="Tolerance"/> (relative) of expected.</summary>
    public static void Equal(double expected, double actual, string where)
    {
        bool close = expected.Equals(actual)
            || Math.Abs(expected - actual) <= Tolerance * Math.Max(Math.Abs(expected), Math.Abs(actual));
        if (!close) Assert.Fail($"{where}: CPU backend {expected:R}, kernel {actual:R}.");
    }
}
