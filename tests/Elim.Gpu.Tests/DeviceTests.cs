using Elim.Frontend;
using Elim.Gpu.Devices;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Gpu.Tests;

/// <summary>Device choice by name, the no-GPU fallback, and the examples on CUDA where there is a GPU.</summary>
public class DeviceTests
{
    [Fact]
    public void CpuMeansTheCpuBackendWithoutAMessage()
    {
        var selection = GpuDevices.Create("cpu");
        Assert.True(selection.UsesCpuBackend);
        Assert.False(selection.FellBack);
        Assert.Null(selection.Message);
    }

    [Fact]
    public void IlgpuCpuOpensTheCpuAccelerator()
    {
        var selection = GpuDevices.Create("ILGPU-CPU");
        using var device = selection.Device;
        Assert.NotNull(device);
        Assert.Equal(DeviceKind.IlgpuCpu, device.Kind);
        Assert.False(selection.FellBack);
        Assert.StartsWith("ilgpu-cpu: ", device.ToString());
    }

    [Fact]
    public void UnknownNamesListTheChoices()
    {
        var error = Assert.Throws<ArgumentException>(() => GpuDevices.Create("tpu"));
        Assert.Contains("Unknown device 'tpu'; expected one of cpu, ilgpu-cpu, cuda.", error.Message);
    }

    [NoCudaFact]
    public void CudaWithoutAGpuFallsBackToTheCpuBackendWithAClearMessage()
    {
        var selection = GpuDevices.Create("cuda");
        Assert.Equal(DeviceKind.Cuda, selection.Requested);
        Assert.True(selection.UsesCpuBackend);
        Assert.True(selection.FellBack);
        Assert.StartsWith("No CUDA device available (", selection.Message);
        Assert.EndsWith("); using the CPU backend instead.", selection.Message);
    }

    [CudaFact]
    public void ExamplesOnCudaMatchTheCpuBackend()
    {
        using var device = GpuDevices.Create("cuda").Device!;
        var cache = new Elim.Backend.Cache.CodeCache();
        foreach (var (file, function, point) in ExamplePoints.All)
        {
            var graph = ElimFrontend.CompileFile(Repository.Example(file), function);
            var cpu = Elim.Backend.JacobianCompiler.Compile(graph, StandardOrders.MinimalMarkowitz(graph), cache);
            using var gpu = GpuJacobian.Create(device, cpu);
            Agreement.Check(gpu, cpu, [point, point.Select(v => v * 1.001).ToArray()], $"cuda {file}/{graph.Name}");
        }
    }
}
