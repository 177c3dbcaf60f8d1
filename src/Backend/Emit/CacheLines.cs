namespace Elim.Backend.Emit;

/// <summary>
/// The cache lines one iteration of an eight-lane kernel writes for a region of the per-point layout: the outputs or the
/// Jacobian entries of its eight points, rows of <c>width</c> doubles one after another, starting <c>misalignment</c>
/// doubles past a 64-byte boundary. A block of <see cref="PlannedScatter"/> (entries [start, start + 8) of one point)
/// stored as it is straddles two lines unless its place is a multiple of eight doubles, and a straddling store costs
/// about two aligned ones (perf/results/design-measurements.md). Every line inside the region holds entries of at most
/// two blocks (two of one point, or a point's last and the next point's first), so it is one permutation of at most two
/// block vectors and one aligned store. The region's first and last lines are partial where it is misaligned: the
/// doubles before and after it belong to the neighbouring vectors' points.
/// </summary>
internal static class CacheLines
{
    /// <summary>The doubles of a line.</summary>
    public const int Lanes = 8;

    /// <summary>One block vector: block <paramref name="Block"/> (an index into the block starts) of point <paramref name="Point"/>.</summary>
    public readonly record struct Source(int Block, int Point);

    /// <summary>
    /// A line starting at region index <paramref name="Offset"/> (point · width + entry; negative for a first line that
    /// starts before the region). <paramref name="Entries"/>: per lane, the point and entry it holds, null outside the
    /// region. A whole line has its <paramref name="Sources"/> (one or two) and <paramref name="Control"/>: per lane, the
    /// lane of the first source (0–7) or of the second (8–15), as <c>vpermt2pd</c> reads them.
    /// </summary>
    public sealed record Line(int Offset, (int Point, int Entry)?[] Entries, Source[] Sources, long[] Control)
    {
        /// <summary>Whether every lane lies inside the region.</summary>
        public bool IsWhole => Array.TrueForAll(Entries, lane => lane is not null);

        /// <summary>The last block the line reads: it is written once that block's vectors exist.</summary>
        public int LastBlock => Sources.Length == 0 ? 0 : Sources.Max(source => source.Block);
    }

    /// <summary>
    /// The lines of a region of eight rows of <paramref name="width"/> entries (at least 8) starting
    /// <paramref name="misalignment"/> doubles (0–7) past a line boundary, whose rows are cut into blocks at
    /// <paramref name="blockStarts"/>, in the order of their addresses.
    /// </summary>
    public static IReadOnlyList<Line> Plan(int width, int misalignment, IReadOnlyList<int> blockStarts)
    {
        if (width < Lanes) throw new ArgumentOutOfRangeException(nameof(width), width, "a region of lines needs rows of at least eight entries");
        if (misalignment is < 0 or >= Lanes) throw new ArgumentOutOfRangeException(nameof(misalignment), misalignment, "expected 0–7 doubles");
        int size = Lanes * width;
        var lines = new List<Line>();
        for (int offset = -misalignment; offset < size; offset += Lanes)
        {
            var entries = new (int Point, int Entry)?[Lanes];
            for (int lane = 0; lane < Lanes; lane++)
            {
                int index = offset + lane;
                if (index >= 0 && index < size) entries[lane] = (index / width, index % width);
            }
            lines.Add(entries.All(lane => lane is not null) ? Whole(offset, entries!, blockStarts) : new Line(offset, entries, [], []));
        }
        return lines;
    }

    /// <summary>A line inside the region: the blocks holding its lanes, and where each lane comes from.</summary>
    private static Line Whole(int offset, (int Point, int Entry)?[] entries, IReadOnlyList<int> blockStarts)
    {
        var sources = new List<Source>();
        var control = new long[Lanes];
        // Each point's entries in the line are consecutive: at most two runs, each within at most two blocks.
        foreach (var run in entries.Select(lane => lane!.Value).GroupBy(lane => lane.Point))
        {
            int first = run.Min(lane => lane.Entry), end = run.Max(lane => lane.Entry) + 1;
            foreach (var block in Covering(first, end, blockStarts))
            {
                if (!sources.Contains(new Source(block, run.Key))) sources.Add(new Source(block, run.Key));
            }
        }
        if (sources.Count > 2) throw new InvalidOperationException($"the line at {offset} would need {sources.Count} block vectors");
        for (int lane = 0; lane < Lanes; lane++)
        {
            var (point, entry) = entries[lane]!.Value;
            int which = sources.FindIndex(source => source.Point == point && Holds(blockStarts, source.Block, entry));
            control[lane] = which * Lanes + entry - blockStarts[sources[which].Block];
        }
        return new Line(offset, entries, [.. sources], control);
    }

    /// <summary>One block holding entries [<paramref name="first"/>, <paramref name="end"/>), else the two that do together.</summary>
    private static IEnumerable<int> Covering(int first, int end, IReadOnlyList<int> blockStarts)
    {
        for (int block = 0; block < blockStarts.Count; block++)
        {
            if (blockStarts[block] <= first && end <= blockStarts[block] + Lanes) return [block];
        }
        int start = Enumerable.Range(0, blockStarts.Count).Last(block => Holds(blockStarts, block, first));
        int rest = Enumerable.Range(0, blockStarts.Count).First(block => Holds(blockStarts, block, end - 1) && blockStarts[block] <= blockStarts[start] + Lanes);
        return [start, rest];
    }

    private static bool Holds(IReadOnlyList<int> blockStarts, int block, int entry) =>
        blockStarts[block] <= entry && entry < blockStarts[block] + Lanes;
}

/// <summary>
/// How many doubles (0–7) past a 64-byte boundary a batch's outputs and its Jacobian start: an eight-lane kernel
/// emitted for it writes whole cache lines (<see cref="LineScatter"/>), and each vector of eight points starts its rows
/// there too (eight rows of whole doubles are a multiple of 64 bytes).
/// </summary>
internal readonly record struct LineAlignment(int Outputs, int Jacobian)
{
    /// <summary>The alignment of <paramref name="outputs"/> and <paramref name="jacobian"/>; null where either is not on a double's boundary.</summary>
    public static unsafe LineAlignment? Of(double* outputs, double* jacobian) =>
        ((nint)outputs | (nint)jacobian) % sizeof(double) != 0 ? null : new(Doubles(outputs), Doubles(jacobian));

    private static unsafe int Doubles(double* address) => (int)((nint)address / sizeof(double) % CacheLines.Lanes);

    /// <summary>How many alignments there are.</summary>
    public const int Count = CacheLines.Lanes * CacheLines.Lanes;

    /// <summary>A number for each alignment, 0 to <see cref="Count"/> − 1.</summary>
    public int Index => Outputs * CacheLines.Lanes + Jacobian;
}
