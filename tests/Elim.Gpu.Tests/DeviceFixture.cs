using Elim.Backend;
using Elim.Backend.Cache;
using Elim.Gpu.Devices;
using Elim.Graph;

namespace Elim.Gpu.Tests;

/// <summary>One ILGPU CPU accelerator for the whole suite (contexts and first compiles are the slow part), and a private CPU code cache.</summary>
public sealed class DeviceFixture : IDisposable
{
    public GpuDevice Device { get; } = GpuDevices.OpenIlgpuCpu();

    public CodeCache CpuCache { get; } = new(capacity: 1024);

    public JacobianFunction CompileCpu(ComputationalGraph graph, EliminationOrder order) => JacobianCompiler.Compile(graph, order, CpuCache);

    public void Dispose() => Device.Dispose();
}

[CollectionDefinition(Name)]
public sealed class DeviceCollection : ICollectionFixture<DeviceFixture>
{
    public const string Name = "ilgpu-cpu";
}
