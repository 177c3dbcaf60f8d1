using System.Numerics;
using System.Runtime.InteropServices;

namespace Elim.GradBench;

/// <summary>y += a·x over short rows (a Jacobian row of 26), a SIMD vector at a time.</summary>
internal static class Axpy
{
    public static void Add(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<double>(a);
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            for (var k = 0; k < vy.Length; k++) vy[k] += va * vx[k];
            i = vy.Length * Vector<double>.Count;
        }
        for (; i < y.Length; i++) y[i] += a * x[i];
    }
}
