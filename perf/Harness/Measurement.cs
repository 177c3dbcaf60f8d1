using System.Diagnostics;
using Elim.Perf.Contenders;

namespace Elim.Perf;

/// <summary>One timing: seconds per point of a contender on an example at a batch size and thread count.</summary>
/// <param name="PointsTimed">Points per timed call (less than the batch for slow contenders).</param>
public sealed record Measurement(string Example, string Contender, int Batch, int Threads, double SecondsPerPoint, int PointsTimed)
{
    /// <summary>
    /// Times <paramref name="contender"/>: one warm-up call, then calls until 3 repeats and at least
    /// <paramref name="minimumSeconds"/> in all (at most 200); the fastest call counts.
    /// </summary>
    public static Measurement Take(string example, IContender contender, Batch batch, int size, int threads, double minimumSeconds)
    {
        int points = Math.Min(size, contender.MaxPoints);
        contender.Run(batch, points, threads);
        double best = double.MaxValue, total = 0;
        for (int repeat = 0; repeat < 200 && (repeat < 3 || total < minimumSeconds); repeat++)
        {
            long start = Stopwatch.GetTimestamp();
            contender.Run(batch, points, threads);
            double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            best = Math.Min(best, elapsed);
            total += elapsed;
        }
        return new Measurement(example, contender.Name, size, threads, best / points, points);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Contender,-22} batch {Batch,9} threads {Threads}: {SecondsPerPoint * 1e9,12:F1} ns/point{(PointsTimed < Batch ? $" (timed on {PointsTimed} points)" : "")}";
}
