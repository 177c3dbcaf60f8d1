using System.Diagnostics;

namespace Elim.Cli.Bench;

/// <summary>Times an action: one warm-up call, then repeats for at least a minimum time; the fastest repetition counts.</summary>
public static class BenchTimer
{
    /// <summary>Seconds of the fastest of at least three calls spread over at least <paramref name="minimumSeconds"/>.</summary>
    public static double Fastest(Action run, double minimumSeconds = 0.5)
    {
        run();
        var total = Stopwatch.StartNew();
        double fastest = double.MaxValue;
        for (int repetition = 0; repetition < 3 || total.Elapsed.TotalSeconds < minimumSeconds; repetition++)
        {
            long start = Stopwatch.GetTimestamp();
            run();
            fastest = Math.Min(fastest, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return fastest;
    }
}
