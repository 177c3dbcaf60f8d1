using System.Reflection;
using Elim.Backend.Program;
using Elim.Graph;

namespace Elim.Gpu.Emit;

/// <summary>
/// Kernel-safe versions of the operations whose CPU method ILGPU cannot compile. Each computes exactly what the
/// CPU method computes (same arithmetic in the same order, so results agree bit for bit on the same hardware).
/// </summary>
public static class KernelMath
{
    private static readonly Dictionary<IrOp, MethodInfo> Methods = new()
    {
        [IrOp.Erf] = typeof(KernelMath).GetMethod(nameof(Erf))!,
    };

    /// <summary>The replacement method for <paramref name="op"/>, or null when the CPU emission works in kernels.</summary>
    internal static MethodInfo? Of(IrOp op) => Methods.GetValueOrDefault(op);

    /// <summary>
    /// <see cref="SpecialFunctions.Erf"/> without <see cref="Math.Sign(double)"/>, whose NaN check throws
    /// (ILGPU rejects any <c>throw</c> in kernel code); NaN is handled first, so the results are the same.
    /// </summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        double ax = Math.Abs(x);
        if (ax >= 6) return x > 0 ? 1 : -1;
        double x2 = ax * ax;
        double term = ax;
        double sum = ax;
        for (int n = 1; n < 200 && term > sum * 1e-17; n++)
        {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
        }
        double value = SpecialFunctions.TwoOverSqrtPi * Math.Exp(-x2) * sum;
        return x < 0 ? -value : value;
    }
}
