using System.Buffers;

namespace Elim.Backend.Runtime;

/// <summary>
/// The emitted method of one chunk of a big program (see <see cref="Program.ProgramChunks"/>): a <see cref="BatchKernel"/>
/// over points [start, end) that also reads and writes <paramref name="scratch"/>, one block of the program's scratch
/// slots per step of its lanes, in point order; a chunk of scalar code runs point <c>start</c> alone, on the block at
/// <paramref name="scratch"/> (<see cref="ChunkedKernel.RunsOnePointPerCall"/>).
/// </summary>
public unsafe delegate void ChunkKernel(double* x, double* data, double* y, double* jacobian, int start, int end, int stride,
    double* scratch);

/// <summary>
/// A big program's batch kernel: its chunks run one after another over a tile of points, through a scratch buffer that
/// holds the values crossing chunks for every point of the tile. A tile is as many points as keep the scratch within
/// a budget (one vector at least, <see cref="MaxTile"/> at most), so each chunk's code runs for several points while it
/// is in the caches: about the level-2 cache (<see cref="ScratchBytes"/>), or, when the code
/// (<paramref name="codeBytes"/> of IL) is too big for the last-level cache and each tile fetches it from memory, a share
/// of that cache (<see cref="BigCodeScratchBytes"/>; perf/results/design-measurements.md).
/// </summary>
internal sealed unsafe class ChunkedKernel(ChunkKernel[] chunks, int scratchSlots, int lanes, long codeBytes)
{
    /// <summary>Scratch per tile, about the level-2 cache (1 MB per core here; 2 MB measured best).</summary>
    private const int ScratchBytes = 2 << 20;

    /// <summary>IL bytes past which the machine code outgrows a 32 MB last-level cache.</summary>
    private const long BigCodeBytes = 16 << 20;

    /// <summary>Scratch per tile for such code: half the last-level cache.</summary>
    private const int BigCodeScratchBytes = 16 << 20;

    /// <summary>The most points per tile.</summary>
    private const int MaxTile = 64;

    private readonly int _scratchBudget = codeBytes > BigCodeBytes ? BigCodeScratchBytes : ScratchBytes;

    private readonly bool _onePoint = RunsOnePointPerCall(lanes);

    /// <summary>
    /// Whether the chunks of a kernel of <paramref name="lanes"/> run one point a call (their <c>start</c>) rather than
    /// looping to <c>end</c>: those of scalar code.
    /// </summary>
    public static bool RunsOnePointPerCall(int lanes) => lanes == 1;

    /// <summary>Runs points [<paramref name="start"/>, <paramref name="end"/>) (a multiple of the lanes) through every chunk.</summary>
    public void Run(double* x, double* data, double* y, double* jacobian, int start, int end, int stride)
    {
        int fit = _scratchBudget / Math.Max(1, scratchSlots * sizeof(double)) / lanes * lanes;
        int tile = Math.Min(Math.Clamp(fit, lanes, MaxTile), end - start);
        var scratch = ArrayPool<double>.Shared.Rent(scratchSlots * tile);
        try
        {
            fixed (double* block = scratch)
            {
                for (int first = start; first < end; first += tile)
                {
                    int last = Math.Min(end, first + tile);
                    foreach (var chunk in chunks)  // an array: no enumerator is allocated per call
                    {
                        if (!_onePoint) chunk(x, data, y, jacobian, first, last, stride, block);
                        else for (int point = first; point < last; point++)
                            chunk(x, data, y, jacobian, point, point + 1, stride, block + (point - first) * scratchSlots);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }
}
