namespace Elim.Backend.Runtime;

/// <summary>
/// An emitted batch kernel: evaluates points [start, end) of a batch laid out with row stride
/// <paramref name="stride"/> (the batch size, for <see cref="BatchLayout.StructureOfArrays"/>); <paramref name="data"/>
/// holds the data inputs in the same layout (unused, and may be null, for a program without data). A vector
/// kernel needs end − start to be a multiple of its lanes. No bounds checks: callers check spans first.
/// </summary>
public unsafe delegate void BatchKernel(double* x, double* data, double* y, double* jacobian, int start, int end, int stride);

/// <summary>Running batch kernels over a range of points.</summary>
public static unsafe class BatchKernels
{
    /// <summary>Points [<paramref name="start"/>, <paramref name="end"/>): the vector kernel, then the scalar one for the remainder.</summary>
    public static void RunPoints(BatchKernel vector, BatchKernel scalar, int lanes, double* x, double* data, double* y, double* jacobian,
        int start, int end, int stride)
    {
        int vectorEnd = start + (end - start) / lanes * lanes;
        if (vectorEnd > start) vector(x, data, y, jacobian, start, vectorEnd, stride);
        if (end > vectorEnd) scalar(x, data, y, jacobian, vectorEnd, end, stride);
    }
}
