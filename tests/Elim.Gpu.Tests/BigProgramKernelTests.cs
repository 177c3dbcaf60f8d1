using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Gpu.Tests;

/// <summary>
/// A program of a few thousand vertices: the kernel (one method of the whole program) agrees with the CPU backend,
/// whose code at this size is cut into chunks passing values through scratch.
/// </summary>
[Collection(DeviceCollection.Name)]
public class BigProgramKernelTests(DeviceFixture fixture)
{
    [Fact]
    public void KernelMatchesTheChunkedCpuBackend()
    {
        var graph = ElimFrontend.Compile(RandomBigPrograms.Generate(statements: 2_000, seed: 5), "big.elim");
        var order = StandardOrders.Reverse(graph);
        var cpu = fixture.CompileCpu(graph, order);
        Assert.True(cpu.Code.Methods(BatchLayout.PerPoint, vector: false).Count > 1, "the CPU code is one method");
        var random = new Random(5);
        var points = Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, graph.InputCount).Select(_ => 2 * random.NextDouble() - 1).ToArray())
            .ToArray();
        using var gpu = GpuJacobian.Create(fixture.Device, cpu);
        Agreement.Check(gpu, cpu, points, graph.Name);
    }
}
