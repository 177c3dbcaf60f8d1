using System.Buffers;
using Elim.Backend.Program;

namespace Elim.Backend.Runtime;

/// <summary>
/// Structure-of-arrays batches whose row length puts the rows in few cache sets, run tile by tile through a
/// scratch copy with a harmless row length. A vector step writes one element run to every result row; rows
/// whose byte distance is a multiple of 4 KB (N = 512, 1,024, 4,096 …) all map to one set of the L1 cache
/// (64 sets of 64-byte lines on x86 processors), which holds only a dozen lines: PropaneCombustion ran ten times
/// slower at N = 1,024 than at N = 1,000, and twice as slow through tiles (perf/results/design-measurements.md).
/// </summary>
internal static unsafe class SoaTiles
{
    /// <summary>Points per tile: scratch for g's 335 rows stays under 200 KB.</summary>
    private const int Tile = 64;

    /// <summary>Scratch row length: 72 doubles are nine lines, so consecutive scratch rows fall in different sets.</summary>
    private const int TileStride = Tile + 8;

    private const int CacheSets = 64;
    private const int LineBytes = 64;

    /// <summary>
    /// Whether <paramref name="rows"/> rows of <paramref name="stride"/> doubles crowd the cache: more than 16 rows in
    /// fewer than 8 sets (at 8 sets g and Propane ran as fast as with harmless rows; at 4 sets they slowed down).
    /// </summary>
    public static bool Needed(int rows, int stride)
    {
        if (rows <= 16) return false;
        ulong sets = 0;
        for (long row = 0; row < Math.Min(rows, CacheSets); row++) sets |= 1UL << (int)(row * stride * sizeof(double) / LineBytes % CacheSets);
        return ulong.PopCount(sets) < 8;
    }

    /// <summary>
    /// Points [<paramref name="start"/>, <paramref name="end"/>) of a structure-of-arrays batch with rows of
    /// <paramref name="stride"/> doubles: each tile's inputs and data copied into scratch, the kernels run there (rows
    /// <see cref="TileStride"/> apart, by <see cref="BatchKernels.RunPoints"/>), its results copied out.
    /// </summary>
    public static void Run(JacobianProgram program, BatchKernel vector, BatchKernel scalar, int lanes,
        double* x, double* data, double* y, double* jacobian, int start, int end, int stride)
    {
        int inputs = program.InputCount, dataCount = program.DataCount, outputs = program.OutputCount, jacobianSize = program.JacobianSize;
        int rows = inputs + dataCount + outputs + jacobianSize;
        var scratch = ArrayPool<double>.Shared.Rent(rows * TileStride);
        try
        {
            fixed (double* tile = scratch)
            {
                double* tileData = tile + inputs * TileStride;
                double* tileOutputs = tileData + dataCount * TileStride;
                double* tileJacobian = tileOutputs + outputs * TileStride;
                for (int first = start; first < end; first += Tile)
                {
                    int count = Math.Min(Tile, end - first);
                    Copy(x + first, stride, tile, TileStride, inputs, count);
                    Copy(data + first, stride, tileData, TileStride, dataCount, count);
                    BatchKernels.RunPoints(vector, scalar, lanes, tile, tileData, tileOutputs, tileJacobian, 0, count, TileStride);
                    Copy(tileOutputs, TileStride, y + first, stride, outputs, count);
                    Copy(tileJacobian, TileStride, jacobian + first, stride, jacobianSize, count);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    private static void Copy(double* from, int fromStride, double* to, int toStride, int rows, int count)
    {
        for (int row = 0; row < rows; row++)
            new ReadOnlySpan<double>(from + (long)row * fromStride, count).CopyTo(new Span<double>(to + (long)row * toStride, count));
    }
}
