using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Elim.Backend.Runtime;

/// <summary>
/// Writes a vector's points' results from lane-major staging (entry k of the <c>lanes</c> points at
/// <c>staged[lanes·k .. lanes·k + lanes − 1]</c>) to the per-point layout (<c>destination[p·width + k]</c>):
/// blocks of entries × points are transposed in registers and written as whole vectors, an eighth or a quarter of the
/// stores of writing lane by lane. Four lanes go through <see cref="Scatter"/>; eight lanes (AVX-512) through
/// instructions an emitted plan puts in the kernel block by block (<c>PlannedScatter</c>, <c>ScatterEmitter</c>: constant
/// rows, rows with one or two values blended in, transposed blocks; for a batch beyond the caches, whole cache lines
/// (<c>LineScatter</c>), or where those do not apply a bounce buffer that keeps the constants, then
/// <see cref="CopyInOneStream"/>); rows narrower than a block through <see cref="ScatterNarrow"/>.
/// Kernels with too many results to stage write each vector lane by lane with
/// <see cref="StoreLanes(Vector256{double}, double*, int)"/>.
/// </summary>
public static unsafe class PointScatter
{
    /// <summary>
    /// Batches whose results take more bytes than this run a kernel of their own, which writes straight to memory: whole
    /// cache lines with non-temporal stores (<c>LineScatter</c>), or, without AVX-512, through bounce buffers (see
    /// <see cref="Scatter"/> and <c>BounceBuffers</c>). It pays once the results outgrow the last-level cache (32 MB
    /// here); from 3,000 to 40,000 points the line kernel and the one writing through the caches were level
    /// (perf/results/design-measurements.md).
    /// </summary>
    public const long BeyondCachesAboveBytes = 24L << 20;

    /// <summary>
    /// Bounce copies longer than this use non-temporal stores (see <see cref="CopyInOneStream"/>): PropaneCombustion's
    /// 7.7 KB Jacobian blocks went from 44–50 to 28–31 ns a point at 100,000 points; HumanHeartDipole's 4 KB and
    /// RobotArm_6DOF's 2.3 KB blocks were as fast or slower and varied from run to run (perf/results/design-measurements.md).
    /// </summary>
    public const int StreamAboveBytes = 4096;

    /// <summary>Whether a batch of <paramref name="points"/> with <paramref name="resultsPerPoint"/> doubles each runs the kernel for batches beyond the caches.</summary>
    public static bool BeyondCaches(int points, int resultsPerPoint) => (long)points * resultsPerPoint * sizeof(double) > BeyondCachesAboveBytes;

    /// <summary>
    /// Scatters <paramref name="width"/> entries of <paramref name="lanes"/> points (a multiple of 4) in 4×4 blocks. With a
    /// <paramref name="bounce"/> buffer (lanes·width doubles), the transposed rows go there first and then to the
    /// destination in one sequential copy: the transposes write 4 (or 8) rows at once, which a destination out of the
    /// caches serves far worse than one stream.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scatter(double* staged, double* destination, int width, int lanes, double* bounce)
    {
        ScatterFours(staged, bounce == null ? destination : bounce, width, lanes);
        if (bounce != null) CopyInOneStream(bounce, destination, lanes * width);
    }

    /// <summary>
    /// Copies <paramref name="count"/> doubles front to back, whole cache lines at once from the destination's first
    /// 64-byte boundary; copies over <see cref="StreamAboveBytes"/> with non-temporal stores, which do not read the line
    /// first: a batch this big leaves the caches anyway. Shorter copies use ordinary stores and first ask for the lines
    /// of the copy after next (the next vector's points follow these in the batch), so that those arrive while the
    /// kernel computes (perf/results/design-measurements.md). Non-temporal stores do not read the lines; prefetching
    /// them for those made PropaneCombustion slower.
    /// </summary>
    public static void CopyInOneStream(double* source, double* destination, int count)
    {
        int k = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; k < count && ((nint)(destination + k) & 63) != 0; k++) destination[k] = source[k];
            if (count * sizeof(double) > StreamAboveBytes)
            {
                for (; k + 8 <= count; k += 8) Vector512.StoreAlignedNonTemporal(Vector512.Load(source + k), destination + k);
            }
            else
            {
                PrefetchAhead(destination, count);
                for (; k + 8 <= count; k += 8) Vector512.StoreAligned(Vector512.Load(source + k), destination + k);
            }
        }
        for (; k < count; k++) destination[k] = source[k];
    }

    /// <summary>
    /// Prefetches the cache lines of the <paramref name="count"/> doubles two copies after <paramref name="destination"/>
    /// (a prefetch past the batch's end is harmless: it never faults).
    /// </summary>
    private static void PrefetchAhead(double* destination, int count)
    {
        if (!Sse.IsSupported) return;
        byte* ahead = (byte*)(destination + 2 * count);
        for (int offset = 0; offset < count * sizeof(double); offset += 64) Sse.Prefetch0(ahead + offset);
    }

    /// <summary>
    /// Once at the end of a kernel that scattered through a bounce buffer: non-temporal stores are weakly ordered, and
    /// the fence makes them visible before whoever waits for the batch reads it. (A fence after every copy made
    /// PropaneCombustion 1.5× slower.)
    /// </summary>
    public static void FinishStreams()
    {
        if (Sse.IsSupported) Sse.StoreFence();
    }

    /// <summary>Four points at a time, each group's rows written start to end: fewer write streams at once.</summary>
    private static void ScatterFours(double* staged, double* destination, int width, int lanes)
    {
        for (int first = 0; first < lanes; first += 4)
        {
            int k = 0;
            if (Avx.IsSupported)
            {
                for (; k + 4 <= width; k += 4) Transpose(staged + lanes * k + first, lanes, destination + first * width + k, width);
            }
            for (; k < width; k++)
            {
                for (int point = first; point < first + 4; point++) destination[point * width + k] = staged[lanes * k + point];
            }
        }
    }

    /// <summary>The <paramref name="width"/> entries of eight points, a row narrower than a block, one double at a time.</summary>
    public static void ScatterNarrow(double* staged, double* destination, int width)
    {
        for (int k = 0; k < width; k++)
        {
            for (int point = 0; point < 8; point++) destination[point * width + k] = staged[8 * k + point];
        }
    }

    /// <summary>Four entries (<paramref name="source"/>, <paramref name="sourceStride"/> apart) of four points, as four rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(double* source, int sourceStride, double* destination, int width)
    {
        var entry0 = Avx.LoadVector256(source);
        var entry1 = Avx.LoadVector256(source + sourceStride);
        var entry2 = Avx.LoadVector256(source + 2 * sourceStride);
        var entry3 = Avx.LoadVector256(source + 3 * sourceStride);
        // Lanes (0, 2) and (1, 3) of entries pairwise, then the 128-bit halves: row p holds point p.
        var even01 = Avx.UnpackLow(entry0, entry1);
        var odd01 = Avx.UnpackHigh(entry0, entry1);
        var even23 = Avx.UnpackLow(entry2, entry3);
        var odd23 = Avx.UnpackHigh(entry2, entry3);
        Avx.Store(destination, Avx.Permute2x128(even01, even23, 0x20));
        Avx.Store(destination + width, Avx.Permute2x128(odd01, odd23, 0x20));
        Avx.Store(destination + 2 * width, Avx.Permute2x128(even01, even23, 0x31));
        Avx.Store(destination + 3 * width, Avx.Permute2x128(odd01, odd23, 0x31));
    }

    /// <summary>Writes lane p of <paramref name="value"/> to <c>destination[p·stride]</c>.</summary>
    /// <remarks>A call in the emitted IL, inlined by the JIT: writing the lanes out in IL made g's eight-lane kernel
    /// so large (56 KB of IL) that the JIT compiled it without optimising.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreLanes(Vector256<double> value, double* destination, int stride)
    {
        destination[0] = value.GetElement(0);
        destination[stride] = value.GetElement(1);
        destination[2 * stride] = value.GetElement(2);
        destination[3 * stride] = value.GetElement(3);
    }

    /// <inheritdoc cref="StoreLanes(Vector256{double}, double*, int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreLanes(Vector512<double> value, double* destination, int stride)
    {
        StoreLanes(value.GetLower(), destination, stride);
        StoreLanes(value.GetUpper(), destination + 4 * stride, stride);
    }
}
