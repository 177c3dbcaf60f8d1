using System.Diagnostics;

namespace Elim.Perf.Gpu;

/// <summary>
/// Best-of-k wall time of an action after one warm-up call: repeated until about half a second is spent, at least
/// three times unless one call alone exceeds that budget.
/// </summary>
internal static class Timing
{
    public static double BestSeconds(Action run, double budgetSeconds = 0.5, int maxRepeats = 20)
    {
        run();
        double best = double.MaxValue, spent = 0;
        for (int r = 0; r < maxRepeats && (spent < budgetSeconds || (r < 3 && best < budgetSeconds)); r++)
        {
            long start = Stopwatch.GetTimestamp();
            run();
            double seconds = (double)(Stopwatch.GetTimestamp() - start) / Stopwatch.Frequency;  // a TimeSpan rounds to 100 ns
            best = Math.Min(best, seconds);
            spent += seconds;
        }
        return best;
    }
}
