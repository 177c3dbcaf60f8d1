using Elim.Gpu.Devices;

namespace Elim.Gpu.Tests;

/// <summary>Whether this machine has a CUDA device, probed once for the run.</summary>
public static class Cuda
{
    public static readonly bool Available = GpuDevices.IsCudaAvailable();
}

/// <summary>A fact that runs only where a CUDA device is present (skipped elsewhere, saying so).</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        if (!Cuda.Available) Skip = "No CUDA device on this machine.";
    }
}

/// <summary>A fact about the no-GPU fallback: runs only where no CUDA device is present.</summary>
public sealed class NoCudaFactAttribute : FactAttribute
{
    public NoCudaFactAttribute()
    {
        if (Cuda.Available) Skip = "A CUDA device is present; the fallback is not taken here.";
    }
}
