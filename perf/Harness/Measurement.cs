using System.Diagnostics;
using Elim.Perf.Contenders;

namespace Elim.Perf;

/// <summary>
/// One timing: seconds per point of a contender on an example at a batch size and thread count;
/// PointsTimed is the points per timed call (less than the batch for slow contenders).
/// </summary>
public sealed record Measurement(string Example, string Contender, int Batch, int Threads, double SecondsPerPoint, int PointsTimed)
{
    /// <summary>
    /// Times <paramref name="contender"/>: a warm-up call, then samples of as many back-to-back calls as fill
    /// a millisecond (so tiny batches are not lost in timer resolution), until 3 samples and at least
    /// <paramref name="minimumSeconds"/> in all (at most 200 samples); the fastest sample counts.
    /// </summary>
    public static Measurement Take(string example, IContender contender, Batch batch, int size, int threads, double minimumSeconds)
    {
        int points = Math.Min(size, contender.MaxPoints);
        contender.Run(batch, points, threads);
        int callsPerSample = 1;
        while (callsPerSample < 1 << 20)
        {
            long probe = Stopwatch.GetTimestamp();
            for (int call = 0; call < callsPerSample; call++) contender.Run(batch, points, threads);
            if (Stopwatch.GetElapsedTime(probe).TotalSeconds >= 1e-3) break;
            callsPerSample *= 2;
        }
        double best = double.MaxValue, total = 0;
        for (int sample = 0; sample < 200 && (sample < 3 || total < minimumSeconds); sample++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int call = 0; call < callsPerSample; call++) contender.Run(batch, points, threads);
            double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            best = Math.Min(best, elapsed / callsPerSample);
            total += elapsed;
        }
        return new Measurement(example, contender.Name, size, threads, best / points, points);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Contender,-22} batch {Batch,9} threads {Threads}: {SecondsPerPoint * 1e9,12:F1} ns/point{(PointsTimed < Batch ? $" (timed on {PointsTimed} points)" : "")}";
}
