using Elim.Testing;

namespace Elim.Gpu.Tests;

/// <summary>Random graphs with random elimination orders: the kernel agrees with the CPU backend at random points.</summary>
[Collection(DeviceCollection.Name)]
public class RandomGraphKernelTests(DeviceFixture fixture)
{
    [Theory]
    [InlineData(1, 3, 12)]
    [InlineData(2, 5, 30)]
    [InlineData(3, 2, 45)]
    [InlineData(4, 6, 60)]
    [InlineData(5, 4, 90)]
    [InlineData(6, 8, 120)]
    public void KernelMatchesTheCpuBackend(int seed, int inputs, int vertices)
    {
        var graph = RandomGraphs.Create(seed, inputs, vertices);
        var points = Enumerable.Range(0, 11).Select(p => RandomGraphs.RandomPoint(graph, seed * 100 + p)).ToArray();
        for (int o = 0; o < 2; o++)
        {
            var order = RandomGraphs.RandomOrder(graph, seed * 10 + o);
            var cpu = fixture.CompileCpu(graph, order);
            using var gpu = GpuJacobian.Create(fixture.Device, cpu);
            Agreement.Check(gpu, cpu, points, $"{graph.Name} order {o}");
        }
    }
}
