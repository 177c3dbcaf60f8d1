using System.Buffers;

namespace Elim.Backend.Runtime;

/// <summary>
/// The emitted method of one chunk of a big program (see <see cref="Program.ProgramChunks"/>): a <see cref="BatchKernel"/>
/// over points [start, end) that also reads and writes <paramref name="scratch"/>, one block of the program's scratch
/// slots per step of its lanes, in point order.
/// </summary>
public unsafe delegate void ChunkKernel(double* x, double* data, double* y, double* jacobian, int start, int end, int stride,
    double* scratch);

/// <summary>
/// A big program's batch kernel: its chunks run one after another over a tile of points, through a scratch buffer that
/// holds the values crossing chunks for every point of the tile. A tile is as many points as keep the scratch within
/// <see cref="ScratchBytes"/> (one vector at least, <see cref="MaxTile"/> at most), so each chunk's code runs for
/// several points while it is in the instruction cache.
/// </summary>
internal sealed unsafe class ChunkedKernel(IReadOnlyList<ChunkKernel> chunks, int scratchSlots, int lanes)
{
    /// <summary>Scratch per tile that fits the level-2 cache with room to spare.</summary>
    private const int ScratchBytes = 256 * 1024;

    /// <summary>The most points per tile.</summary>
    private const int MaxTile = 64;

    /// <summary>Runs points [<paramref name="start"/>, <paramref name="end"/>) (a multiple of the lanes) through every chunk.</summary>
    public void Run(double* x, double* data, double* y, double* jacobian, int start, int end, int stride)
    {
        int fit = ScratchBytes / Math.Max(1, scratchSlots * sizeof(double)) / lanes * lanes;
        int tile = Math.Min(Math.Clamp(fit, lanes, MaxTile), end - start);
        var scratch = ArrayPool<double>.Shared.Rent(scratchSlots * tile);
        try
        {
            fixed (double* block = scratch)
            {
                for (int first = start; first < end; first += tile)
                {
                    int last = Math.Min(end, first + tile);
                    foreach (var chunk in chunks) chunk(x, data, y, jacobian, first, last, stride, block);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }
}
