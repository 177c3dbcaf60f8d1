using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Elim.Backend.Cpu;

/// <summary>
/// Writes four points' results from lane-major staging (entry k of the four points at <c>staged[4k..4k+3]</c>)
/// to the per-point layout (<c>destination[p·width + k]</c>): 4×4 blocks are transposed in registers and
/// written as whole vectors, a quarter of the stores of writing lane by lane.
/// </summary>
public static unsafe class PointScatter
{
    /// <summary>Scatters <paramref name="width"/> entries of four points.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scatter(double* staged, double* destination, int width)
    {
        int k = 0;
        if (Avx.IsSupported)
        {
            for (; k + 4 <= width; k += 4)
            {
                var entry0 = Avx.LoadVector256(staged + 4 * k);
                var entry1 = Avx.LoadVector256(staged + 4 * k + 4);
                var entry2 = Avx.LoadVector256(staged + 4 * k + 8);
                var entry3 = Avx.LoadVector256(staged + 4 * k + 12);
                // Lanes (0, 2) and (1, 3) of entries pairwise, then the 128-bit halves: row p holds point p.
                var even01 = Avx.UnpackLow(entry0, entry1);
                var odd01 = Avx.UnpackHigh(entry0, entry1);
                var even23 = Avx.UnpackLow(entry2, entry3);
                var odd23 = Avx.UnpackHigh(entry2, entry3);
                Avx.Store(destination + k, Avx.Permute2x128(even01, even23, 0x20));
                Avx.Store(destination + width + k, Avx.Permute2x128(odd01, odd23, 0x20));
                Avx.Store(destination + 2 * width + k, Avx.Permute2x128(even01, even23, 0x31));
                Avx.Store(destination + 3 * width + k, Avx.Permute2x128(odd01, odd23, 0x31));
            }
        }
        for (; k < width; k++)
        {
            for (int point = 0; point < 4; point++) destination[point * width + k] = staged[4 * k + point];
        }
    }
}
