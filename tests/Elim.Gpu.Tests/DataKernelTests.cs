using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;
using ILGPU;
using ILGPU.Runtime;

namespace Elim.Gpu.Tests;

/// <summary>
/// Kernels of graphs with data inputs and branches agree with the CPU backend (which agrees with the interpreter) in both
/// host layouts; data spans and views are checked.
/// </summary>
[Collection(DeviceCollection.Name)]
public class DataKernelTests(DeviceFixture fixture)
{
    public static TheoryData<BatchLayout> Layouts() => new(Enum.GetValues<BatchLayout>());

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ThePiecewiseFunctionAgreesOnEveryBranch(BatchLayout layout)
    {
        var graph = BranchGraphs.Piecewise();
        var cases = BranchGraphs.PiecewisePoints();
        var cpu = fixture.CompileCpu(graph, StandardOrders.MinimalMarkowitz(graph));
        using var gpu = GpuJacobian.Create(fixture.Device, cpu);
        Assert.Equal(2, gpu.DataCount);
        Agreement.Check(gpu, cpu, cases.Select(c => c.Point).ToArray(), graph.Name, layout, cases.Select(c => c.Data).ToArray());
    }

    [Theory]
    [InlineData(1, 2, 1, 15)]
    [InlineData(2, 3, 2, 40)]
    [InlineData(3, 1, 3, 70)]
    public void RandomGraphsWithDataAndBranchesAgree(int seed, int inputs, int data, int vertices)
    {
        var graph = BranchGraphs.Random(seed, inputs, data, vertices);
        var points = Enumerable.Range(0, 13).Select(p => RandomGraphs.RandomPoint(graph, seed * 100 + p)).ToArray();
        var values = Enumerable.Range(0, 13).Select(p => BranchGraphs.RandomData(graph, seed * 100 + p)).ToArray();
        var cpu = fixture.CompileCpu(graph, RandomGraphs.RandomOrder(graph, seed));
        using var gpu = GpuJacobian.Create(fixture.Device, cpu);
        foreach (var layout in Enum.GetValues<BatchLayout>()) Agreement.Check(gpu, cpu, points, graph.Name, layout, values);
    }

    [Theory]
    [MemberData(nameof(RandomArrayPrograms.Seeds), MemberType = typeof(RandomArrayPrograms))]
    public void RandomArrayProgramsAgree(int seed)
    {
        // Arrays, branches, data and grad from the frontend; 19 points, each with its own data.
        var graph = ElimFrontend.Compile(RandomArrayPrograms.Generate(seed), $"arrays{seed}.elim");
        var (points, data) = RandomArrayPrograms.Points(graph, seed, 19);
        var cpu = fixture.CompileCpu(graph, RandomGraphs.RandomOrder(graph, seed));
        using var gpu = GpuJacobian.Create(fixture.Device, cpu);
        foreach (var layout in Enum.GetValues<BatchLayout>()) Agreement.Check(gpu, cpu, points, $"arrays{seed}", layout, data);
    }

    [Fact]
    public void DeviceResidentViewsTakeTheDataRows()
    {
        var graph = BranchGraphs.Piecewise();
        var cases = BranchGraphs.PiecewisePoints();
        var cpu = fixture.CompileCpu(graph, StandardOrders.Reverse(graph));
        using var gpu = GpuJacobian.Create(fixture.Device, cpu);
        int count = cases.Length, m = cpu.OutputCount;
        var accelerator = fixture.Device.Accelerator;
        using var x = accelerator.Allocate1D(BatchArrays.Lay(cases.Select(c => c.Point).ToArray(), perPoint: false));
        using var data = accelerator.Allocate1D(BatchArrays.Lay(cases.Select(c => c.Data).ToArray(), perPoint: false));
        using var outputs = accelerator.Allocate1D<double>(count * m);
        using var jacobians = accelerator.Allocate1D<double>(count * m * 2);
        gpu.Enqueue(x.View, data.View, outputs.View, jacobians.View, count, count);
        gpu.Synchronize();
        var values = outputs.GetAsArray1D();
        var expected = new double[m];
        for (int p = 0; p < count; p++)
        {
            cpu.Evaluate(cases[p].Point, cases[p].Data, expected, new double[m * 2]);
            for (int o = 0; o < m; o++) Agreement.Equal(expected[o], values[o * count + p], 0, $"point {p} y[{o}]");
        }
    }

    [Fact]
    public void MissingOrWrongDataAreRejected()
    {
        var graph = BranchGraphs.Piecewise();
        using var gpu = GpuJacobian.Create(fixture.Device, graph, StandardOrders.Forward(graph));
        var error = Assert.Throws<ArgumentException>(() => gpu.Enqueue(new double[4], 2));
        Assert.Equal("data", error.ParamName);
        Assert.Contains("expected 4 (2 points × 2 data values)", error.Message);
        var accelerator = fixture.Device.Accelerator;
        using var x = accelerator.Allocate1D<double>(4);
        using var outputs = accelerator.Allocate1D<double>(10);
        using var jacobians = accelerator.Allocate1D<double>(20);
        error = Assert.Throws<ArgumentException>(() => gpu.Enqueue(x.View, outputs.View, jacobians.View, 2, 2));
        Assert.Equal("data", error.ParamName);
        error = Assert.Throws<ArgumentException>(() => gpu.Enqueue(x.View, x.View.SubView(0, 3), outputs.View, jacobians.View, 2, 2));
        Assert.Equal("data", error.ParamName);
    }
}
