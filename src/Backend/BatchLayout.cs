namespace Elim;

/// <summary>
/// How a batch of N points is laid out in memory, for a function with n inputs and m outputs.
/// </summary>
public enum BatchLayout
{
    /// <summary>
    /// Point after point: x is N×n (<c>x[p·n + i]</c>), outputs N×m (<c>y[p·m + o]</c>), Jacobians N×m×n
    /// (<c>J[p·m·n + o·n + i]</c>, each point's Jacobian row-major).
    /// </summary>
    PerPoint,

    /// <summary>
    /// Structure of arrays: x is n×N (<c>x[i·N + p]</c>), outputs m×N (<c>y[o·N + p]</c>), Jacobians
    /// (m·n)×N (<c>J[(o·n + i)·N + p]</c>). Each row is contiguous over points, which suits SIMD best.
    /// </summary>
    StructureOfArrays,
}
