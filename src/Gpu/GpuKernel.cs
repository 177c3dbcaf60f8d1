using System.Reflection;
using Elim.Backend.Program;
using ILGPU;
using ILGPU.Runtime;

namespace Elim.Gpu;

/// <summary>
/// One program compiled for one accelerator: the launcher of its kernel (one thread per point, structure-of-arrays
/// views) and the emitted method it was compiled from. Shared by every <see cref="GpuJacobian"/> of the same shape.
/// </summary>
public sealed class GpuKernel
{
    private readonly Action<AcceleratorStream, Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, long> _launch;

    internal GpuKernel(Accelerator accelerator, JacobianProgram program, MethodInfo method)
    {
        Program = program;
        Method = method;
        _launch = accelerator.LoadAutoGroupedKernel(
            method.CreateDelegate<Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, long>>());
    }

    /// <summary>The straight-line program the kernel runs per point.</summary>
    public JacobianProgram Program { get; }

    /// <summary>The emitted static method ILGPU compiled.</summary>
    public MethodInfo Method { get; }

    /// <summary>
    /// Queues the kernel on <paramref name="stream"/> for <paramref name="count"/> points; views hold rows of
    /// <paramref name="stride"/> elements (x: n rows, data: d rows, y: m rows, jacobian: m·n rows; <c>stride ≥ count</c>).
    /// Without data inputs the kernel never reads <paramref name="data"/>, which must still be a valid view.
    /// </summary>
    public void Launch(AcceleratorStream stream, int count, ArrayView<double> x, ArrayView<double> data, ArrayView<double> y,
        ArrayView<double> jacobian, long stride)
    {
        if (count == 0) return;
        _launch(stream, count, x, data, y, jacobian, stride);
    }
}
