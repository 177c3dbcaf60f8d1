using Elim.Graph;
using Elim.Testing;

namespace Elim.Gpu.Tests;

/// <summary>Buffer reuse, kernel caching, asynchronous launches and argument checks of <see cref="GpuJacobian"/>.</summary>
[Collection(DeviceCollection.Name)]
public class EvaluatorTests(DeviceFixture fixture)
{
    private readonly Elim.Graph.ComputationalGraph _graph = RandomGraphs.Create(seed: 41, inputs: 4, vertices: 25);

    [Fact]
    public void SameOrSmallerBatchesReuseTheBuffers()
    {
        using var gpu = GpuJacobian.Create(fixture.Device, _graph, StandardOrders.Forward(_graph));
        Run(gpu, 100, BatchLayout.StructureOfArrays);
        Assert.Equal(1, gpu.Allocations);
        Assert.Equal(100, gpu.Capacity);

        Run(gpu, 100, BatchLayout.StructureOfArrays);
        Run(gpu, 40, BatchLayout.StructureOfArrays);
        Assert.Equal(1, gpu.Allocations);

        Run(gpu, 250, BatchLayout.StructureOfArrays);
        Assert.Equal(2, gpu.Allocations);
        Assert.Equal(250, gpu.Capacity);
    }

    [Fact]
    public void PerPointStagingIsAllocatedOnceAndReused()
    {
        using var gpu = GpuJacobian.Create(fixture.Device, _graph, StandardOrders.Forward(_graph));
        Run(gpu, 64, BatchLayout.PerPoint);
        int afterFirst = gpu.Allocations;
        Run(gpu, 64, BatchLayout.PerPoint);
        Run(gpu, 10, BatchLayout.PerPoint);
        Assert.Equal(2, afterFirst); // device buffers, then host staging
        Assert.Equal(afterFirst, gpu.Allocations);
    }

    [Fact]
    public void SameShapeGetsTheSameKernelInstance()
    {
        var graph = RandomGraphs.Create(seed: 42, inputs: 3, vertices: 20);
        var order = StandardOrders.Reverse(graph);
        long before = fixture.Device.Kernels.Builds;
        using var first = GpuJacobian.Create(fixture.Device, graph, order);
        using var second = GpuJacobian.Create(fixture.Device, RandomGraphs.Create(seed: 42, inputs: 3, vertices: 20), order);
        using var fromFunction = GpuJacobian.Create(fixture.Device, fixture.CompileCpu(graph, order));
        using var otherOrder = GpuJacobian.Create(fixture.Device, graph, StandardOrders.Forward(graph));

        Assert.Same(first.Kernel, second.Kernel);
        Assert.Same(first.Kernel, fromFunction.Kernel);
        Assert.NotSame(first.Kernel, otherOrder.Kernel);
        Assert.Equal(before + 2, fixture.Device.Kernels.Builds);
    }

    [Fact]
    public void ConcurrentRequestsForOneShapeCompileItOnce()
    {
        var graph = RandomGraphs.Create(seed: 44, inputs: 3, vertices: 30);
        var order = RandomGraphs.RandomOrder(graph, seed: 1);
        long before = fixture.Device.Kernels.Builds;
        var kernels = new GpuKernel[4];
        Parallel.For(0, kernels.Length, new ParallelOptions { MaxDegreeOfParallelism = kernels.Length }, k =>
        {
            using var gpu = GpuJacobian.Create(fixture.Device, graph, order);
            kernels[k] = gpu.Kernel;
        });

        Assert.All(kernels, kernel => Assert.Same(kernels[0], kernel));
        Assert.Equal(before + 1, fixture.Device.Kernels.Builds);
    }

    [Fact]
    public async Task EnqueueReturnsAndSynchronizeAsyncCompletesTheBatch()
    {
        var order = StandardOrders.MinimalMarkowitz(_graph);
        var cpu = fixture.CompileCpu(_graph, order);
        using var gpu = GpuJacobian.Create(fixture.Device, cpu);
        int count = 32;
        var x = Enumerable.Range(0, count * 4).Select(i => Math.Sin(i)).ToArray();
        gpu.Enqueue(x, count);
        await gpu.SynchronizeAsync();
        var outputs = new double[count * cpu.OutputCount];
        var jacobians = new double[count * cpu.OutputCount * cpu.InputCount];
        gpu.ReadResults(outputs, jacobians);

        var expectedOutputs = new double[outputs.Length];
        var expectedJacobians = new double[jacobians.Length];
        cpu.EvaluateBatch(x, expectedOutputs, expectedJacobians, count, BatchLayout.StructureOfArrays);
        // The CPU batch uses vectorised exp/log/sin/cos (within 2 ulp of Math), so agreement is to the tolerance, not bits.
        for (int k = 0; k < outputs.Length; k++) Agreement.Equal(expectedOutputs[k], outputs[k], 0, $"y[{k}]");
        for (int k = 0; k < jacobians.Length; k++) Agreement.Equal(expectedJacobians[k], jacobians[k], 0, $"J[{k}]");
    }

    [Fact]
    public void WrongLengthsAreRejectedWithTheExpectedShape()
    {
        using var gpu = GpuJacobian.Create(fixture.Device, _graph, StandardOrders.Forward(_graph));
        var error = Assert.Throws<ArgumentException>(() => gpu.Enqueue(new double[7], 2));
        Assert.Contains("expected 8 (2 points × 4 inputs)", error.Message);
        gpu.Enqueue(new double[8], 2);
        Assert.Throws<ArgumentException>(() => gpu.ReadResults(new double[1], new double[2 * gpu.OutputCount * 4]));
    }

    [Fact]
    public void AnOrderForAnotherGraphIsRejected()
    {
        var other = RandomGraphs.Create(seed: 43, inputs: 2, vertices: 9);
        Assert.Throws<InvalidOrderException>(() => GpuJacobian.Create(fixture.Device, _graph, StandardOrders.Forward(other)));
    }

    private static void Run(GpuJacobian gpu, int count, BatchLayout layout) =>
        gpu.Evaluate(new double[count * gpu.InputCount], new double[count * gpu.OutputCount],
            new double[count * gpu.OutputCount * gpu.InputCount], count, layout);
}
