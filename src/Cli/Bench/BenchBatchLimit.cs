using Elim.Graph;

namespace Elim.Cli.Bench;

/// <summary>
/// The largest <c>--batch</c> whose arrays can be allocated, so a batch too big is refused up front, naming the limit,
/// instead of failing in an allocation (or overflowing an array length) after the contenders are compiled.
/// </summary>
public static class BenchBatchLimit
{
    private const double GiB = 1 << 30;

    /// <summary>Throws <see cref="UsageException"/> when <paramref name="batch"/> points of <paramref name="graph"/> cannot be allocated.</summary>
    public static void Check(int batch, ComputationalGraph graph)
    {
        long memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        int limit = Max(graph, memory);
        if (batch <= limit) return;
        throw new UsageException($"--batch {batch} is too big for '{graph.Name}': at most {limit:N0} points can be allocated here " +
            $"({BytesPerPoint(graph):N0} bytes a point, {memory / GiB:F1} GiB of memory, at most {Array.MaxLength:N0} numbers in one array); give a smaller --batch.");
    }

    /// <summary>The most points whose arrays fit in <paramref name="memoryBytes"/>, none of them longer than .NET allows.</summary>
    public static int Max(ComputationalGraph graph, long memoryBytes)
    {
        long longestPerPoint = Math.Max(1, Math.Max(graph.DataCount, (long)graph.OutputCount * graph.InputCount));
        return (int)Math.Min(Array.MaxLength / longestPerPoint, memoryBytes / BytesPerPoint(graph));
    }

    // At the peak a contender holds the batch's inputs and data, a copy of both (the structure-of-arrays layout),
    // and its outputs and Jacobians: 2n + 2d + m + m·n doubles a point.
    private static long BytesPerPoint(ComputationalGraph graph)
    {
        long n = graph.InputCount, d = graph.DataCount, m = graph.OutputCount;
        return sizeof(double) * (2 * n + 2 * d + m + m * n);
    }
}
