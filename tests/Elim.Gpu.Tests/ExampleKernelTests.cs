using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Gpu.Tests;

/// <summary>Every example function, as a kernel, gives the CPU backend's outputs and Jacobian near its typical point.</summary>
[Collection(DeviceCollection.Name)]
public class ExampleKernelTests(DeviceFixture fixture)
{
    public static TheoryData<string, string?> Examples()
    {
        var data = new TheoryData<string, string?>();
        foreach (var (file, function, _) in ExamplePoints.All) data.Add(file, function);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void KernelMatchesTheCpuBackendWithMarkowitzAndRandomOrders(string file, string? function)
    {
        var graph = ElimFrontend.CompileFile(Repository.Example(file), function);
        var typical = ExamplePoints.All.First(e => e.File == file && e.Function == function).Point;
        // The typical point and data and small relative perturbations of them (which stay inside every example's domain).
        var random = new Random(17);
        var points = ExamplePoints.Around(typical, 9, random, 0.01, keepFirst: true);
        var data = ExamplePoints.Around(ExamplePoints.Data(file), 9, random, 0.01, keepFirst: true);
        foreach (var order in new[] { StandardOrders.MinimalMarkowitz(graph), RandomGraphs.RandomOrder(graph, seed: 5) })
        {
            var cpu = fixture.CompileCpu(graph, order);
            using var gpu = GpuJacobian.Create(fixture.Device, cpu);
            Agreement.Check(gpu, cpu, points, $"{file}/{graph.Name}", data: data);
        }
    }

    [Fact]
    public void PerPointHostLayoutGivesTheSameNumbersAsColumns()
    {
        var graph = ElimFrontend.CompileFile(Repository.Example("roe_flux_1d"));
        var cpu = fixture.CompileCpu(graph, StandardOrders.Reverse(graph));
        using var gpu = GpuJacobian.Create(fixture.Device, cpu);
        var typical = PaperTask.Named("RoeFlux_1d").TypicalPoint;
        var points = Enumerable.Range(0, 13).Select(p => typical.Select(v => v + 0.001 * p).ToArray()).ToArray();

        Agreement.Check(gpu, cpu, points, "per point", BatchLayout.PerPoint);
        Agreement.Check(gpu, cpu, points, "columns", BatchLayout.StructureOfArrays);
    }
}
