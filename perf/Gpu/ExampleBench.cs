using Elim.Backend;
using Elim.Frontend;
using Elim.Gpu;
using Elim.Gpu.Devices;
using Elim.Graph;
using Elim.Testing;
using ILGPU.Runtime;

namespace Elim.Perf.Gpu;

/// <summary>Times one example at every batch size: the kernel on device-resident data, the kernel with host copies, and the CPU backend on all cores.</summary>
internal static class ExampleBench
{
    public static IEnumerable<GpuBenchRow> Run(GpuDevice device, string example, IReadOnlyList<int> batches)
    {
        var (file, function, point) = ExamplePoints.All.First(e => e.File == example);
        var graph = ElimFrontend.CompileFile(Repository.Example(file), function);
        var cpu = JacobianCompiler.Compile(graph, StandardOrders.MinimalMarkowitz(graph));
        using var gpu = GpuJacobian.Create(device, cpu);
        int n = cpu.InputCount, m = cpu.OutputCount;
        foreach (int batch in batches)
        {
            var x = Points(point, batch);
            var outputs = new double[(long)batch * m];
            var jacobians = new double[(long)batch * m * n];
            var gpuOutputs = new double[outputs.Length];
            var gpuJacobians = new double[jacobians.Length];

            double cpuSeconds = Timing.BestSeconds(() =>
                cpu.EvaluateBatch(x, outputs, jacobians, batch, BatchLayout.StructureOfArrays, Environment.ProcessorCount));
            double withCopies = Timing.BestSeconds(() => gpu.Evaluate(x, gpuOutputs, gpuJacobians, batch));
            double worst = Verification.MaxRelativeDifference(jacobians, gpuJacobians);
            double normwise = Verification.MaxNormwiseDifference(jacobians, gpuJacobians, batch);
            Console.Error.WriteLine($"{example} batch {batch}: kernel vs CPU backend, largest difference entrywise {worst:E1}, relative to the point's largest entry {normwise:E1}");

            using var xs = device.Accelerator.Allocate1D(x);
            using var ys = device.Accelerator.Allocate1D<double>(outputs.Length);
            using var js = device.Accelerator.Allocate1D<double>(jacobians.Length);
            double kernel = Timing.BestSeconds(() =>
            {
                gpu.Enqueue(xs.View, ys.View, js.View, batch, batch);
                gpu.Synchronize();
            });

            yield return new GpuBenchRow(example, "gpu-kernel", batch, kernel, gpu.BytesPerPoint, cpuSeconds);
            yield return new GpuBenchRow(example, "gpu-with-copies", batch, withCopies, gpu.BytesPerPoint, cpuSeconds);
            yield return new GpuBenchRow(example, "cpu-all-cores", batch, cpuSeconds, gpu.BytesPerPoint, cpuSeconds);
        }
    }

    /// <summary>Structure-of-arrays points: the typical point scaled by up to ±0.5 % (inside every example's domain).</summary>
    private static double[] Points(double[] typical, int batch)
    {
        var random = new Random(batch);
        var x = new double[(long)typical.Length * batch];
        for (int i = 0; i < typical.Length; i++)
            for (int p = 0; p < batch; p++)
                x[(long)i * batch + p] = typical[i] * (1 + 0.01 * (random.NextDouble() - 0.5));
        return x;
    }
}
