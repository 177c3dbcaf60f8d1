namespace Elim.Backend.Runtime;

/// <summary>
/// An emitted single-point kernel: the outputs and Jacobian of one point, read from <paramref name="x"/> (and
/// <paramref name="data"/>), written from <paramref name="y"/> and <paramref name="jacobian"/> on, contiguous. References,
/// not pointers, so that a caller passes a span's first element without pinning it; no loop, no point index.
/// <paramref name="data"/> (without data inputs) and <paramref name="jacobian"/> (of a primal) may be null references.
/// No bounds checks: callers check spans first.
/// </summary>
public delegate void PointKernel(ref double x, ref double data, ref double y, ref double jacobian);
