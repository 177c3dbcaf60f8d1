using System.Diagnostics.CodeAnalysis;
using ILGPU;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace Elim.Gpu.Devices;

/// <summary>
/// Opens devices by name. A CUDA request on a machine without a usable NVIDIA GPU never throws: it yields a
/// <see cref="DeviceSelection"/> without a device and a message saying the CPU backend is used instead.
/// </summary>
public static class GpuDevices
{
    /// <summary>
    /// Threads of ILGPU's CPU accelerator in <see cref="OpenIlgpuCpu"/> by default: one (tests, small batches;
    /// ILGPU's default CPU device with many threads per group is about ten times slower on these kernels).
    /// </summary>
    public const int DefaultCpuProcessors = 1;

    /// <summary>The device named <paramref name="name"/> (see <see cref="DeviceKinds.Names"/>).</summary>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static DeviceSelection Create(string name, int cpuProcessors = DefaultCpuProcessors) =>
        Create(DeviceKinds.Parse(name), cpuProcessors);

    /// <summary>The device of <paramref name="kind"/>, or the CPU backend with a message when it is unavailable.</summary>
    public static DeviceSelection Create(DeviceKind kind, int cpuProcessors = DefaultCpuProcessors) => kind switch
    {
        DeviceKind.Cpu => new DeviceSelection(kind, null, null),
        DeviceKind.IlgpuCpu => new DeviceSelection(kind, OpenIlgpuCpu(cpuProcessors), null),
        _ => TryOpenCuda(out var device, out string? reason)
            ? new DeviceSelection(kind, device, null)
            : new DeviceSelection(kind, null, $"No CUDA device available ({reason}); using the CPU backend instead."),
    };

    /// <summary>
    /// ILGPU's CPU accelerator with warps of 2 threads, one warp per group and <paramref name="processors"/>
    /// processors (ILGPU's default CPU device is far slower for one-thread-per-point kernels).
    /// </summary>
    public static GpuDevice OpenIlgpuCpu(int processors = DefaultCpuProcessors)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processors, 1);
        var context = Context.Create(b => b.CPU(new CPUDevice(2, 1, processors)));
        return new GpuDevice(DeviceKind.IlgpuCpu, context, context.CreateCPUAccelerator(0));
    }

    /// <summary>Whether a CUDA device can be opened here (probes once per call; cheap when there is no driver).</summary>
    public static bool IsCudaAvailable()
    {
        if (!TryOpenCuda(out var device, out _)) return false;
        device.Dispose();
        return true;
    }

    /// <summary>
    /// A CUDA context with NVIDIA's libdevice linked in where the CUDA toolkit is installed (double-precision
    /// transcendental functions such as sin and atan2 come from it on PTX), else a plain one.
    /// </summary>
    private static Context CreateCudaContext()
    {
        try
        {
            return Context.Create(b => b.Cuda().LibDevice());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Context.Create(b => b.Cuda());
        }
    }

    /// <summary>Opens the first CUDA device, or says why there is none. Never throws.</summary>
    public static bool TryOpenCuda([NotNullWhen(true)] out GpuDevice? device, [NotNullWhen(false)] out string? reason)
    {
        device = null;
        Context? context = null;
        try
        {
            context = CreateCudaContext();
            if (context.GetCudaDevices().Count == 0)
            {
                context.Dispose();
                reason = "no NVIDIA GPU or CUDA driver was found";
                return false;
            }
            device = new GpuDevice(DeviceKind.Cuda, context, context.CreateCudaAccelerator(0));
            reason = null;
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context?.Dispose();
            reason = $"CUDA failed to start: {e.Message}";
            return false;
        }
    }
}
