namespace Elim.Gpu.Devices;

/// <summary>Where batched Jacobians run.</summary>
public enum DeviceKind
{
    /// <summary>The CPU backend (IL kernels, SIMD, all cores); no ILGPU involved.</summary>
    Cpu,

    /// <summary>ILGPU's CPU accelerator: the GPU kernels, run by threads of this machine (for tests and machines without a GPU).</summary>
    IlgpuCpu,

    /// <summary>The first NVIDIA GPU, through ILGPU's CUDA backend.</summary>
    Cuda,
}
