using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Elim.Gpu.Devices;

/// <summary>
/// An ILGPU accelerator owned together with its context, plus the kernels compiled for it. Disposing it frees
/// the accelerator, its buffers' device memory and its kernels.
/// </summary>
public sealed class GpuDevice : IDisposable
{
    private readonly Context _context;

    internal GpuDevice(DeviceKind kind, Context context, Accelerator accelerator)
    {
        Kind = kind;
        _context = context;
        Accelerator = accelerator;
        Kernels = new GpuKernelCache(accelerator);
    }

    /// <summary>Which kind of device this is (<see cref="DeviceKind.IlgpuCpu"/> or <see cref="DeviceKind.Cuda"/>).</summary>
    public DeviceKind Kind { get; }

    /// <summary>The ILGPU accelerator kernels run on.</summary>
    public Accelerator Accelerator { get; }

    /// <summary>The kernels compiled for this accelerator.</summary>
    public GpuKernelCache Kernels { get; }

    /// <summary>The device's name as the driver reports it (for result tables).</summary>
    public string Name => Accelerator.Name;

    /// <summary>Device memory in bytes.</summary>
    public long MemorySize => Accelerator.MemorySize;

    /// <summary>
    /// Theoretical peak memory bandwidth in bytes per second (double data rate × memory clock × bus width), where
    /// the driver reports it (CUDA); null for ILGPU's CPU accelerator. ILGPU gives the clock in MHz (3201 on an H200,
    /// nvidia-smi's maximum memory clock) and the bus width in bits.
    /// </summary>
    public double? PeakBandwidth => Accelerator is CudaAccelerator cuda
        ? 2.0 * cuda.MemoryClockRate * 1e6 * cuda.MemoryBusWidth / 8
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
        Accelerator.Dispose();
        _context.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"{DeviceKinds.NameOf(Kind)}: {Name}";
}
