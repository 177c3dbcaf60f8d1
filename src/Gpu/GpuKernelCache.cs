using System.Collections.Concurrent;
using Elim.Backend.Cache;
using Elim.Backend.Program;
using Elim.Gpu.Emit;
using ILGPU.Runtime;

namespace Elim.Gpu;

/// <summary>
/// The kernels compiled for one accelerator, keyed like the CPU cache (graph content hash + order + kind).
/// The same key always yields the same <see cref="GpuKernel"/>; concurrent requests for a missing key compile it
/// once. Kernels live as long as their accelerator (ILGPU frees their code when it is disposed).
/// </summary>
public sealed class GpuKernelCache
{
    private readonly Accelerator _accelerator;
    private readonly ConcurrentDictionary<CacheKey, Lazy<GpuKernel>> _kernels = new();
    private long _builds;

    internal GpuKernelCache(Accelerator accelerator) => _accelerator = accelerator;

    /// <summary>Kernels now cached.</summary>
    public int Count => _kernels.Count;

    /// <summary>How many kernels were actually emitted and compiled (misses).</summary>
    public long Builds => Interlocked.Read(ref _builds);

    /// <summary>The kernel of <paramref name="key"/>, compiled from the program <paramref name="lower"/> gives if missing.</summary>
    public GpuKernel GetOrAdd(CacheKey key, Func<JacobianProgram> lower, string name)
    {
        var entry = _kernels.GetOrAdd(key, _ => new Lazy<GpuKernel>(() =>
        {
            Interlocked.Increment(ref _builds);
            var program = lower();
            return new GpuKernel(_accelerator, program, GpuKernelEmitter.Emit(program, name));
        }, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            _kernels.TryRemove(new KeyValuePair<CacheKey, Lazy<GpuKernel>>(key, entry)); // a failed compile is not cached
            throw;
        }
    }
}
