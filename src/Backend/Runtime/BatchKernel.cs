namespace Elim.Backend.Cpu;

/// <summary>
/// An emitted batch kernel: evaluates points [start, end) of a batch laid out with row stride
/// <paramref name="stride"/> (the batch size, for <see cref="BatchLayout.StructureOfArrays"/>); <paramref name="data"/>
/// holds the data inputs in the same layout (unused, and may be null, for a program without data). A vector
/// kernel needs end − start to be a multiple of its lanes. No bounds checks: callers check spans first.
/// </summary>
public unsafe delegate void BatchKernel(double* x, double* data, double* y, double* jacobian, int start, int end, int stride);
