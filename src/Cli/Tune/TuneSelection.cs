namespace Elim.Cli.Tune;

/// <summary>One measured candidate of <c>elim tune</c>: its Markowitz cost and its seconds per point (median of the rounds).</summary>
/// <param name="Cost">Markowitz multiplications.</param>
/// <param name="SecondsPerPoint">The median of its rounds.</param>
public readonly record struct TuneTiming(long Cost, double SecondsPerPoint);

/// <summary>Which measured candidate <c>elim tune</c> stores: the fastest.</summary>
public static class TuneSelection
{
    /// <summary>
    /// The index of the fastest median in <paramref name="timings"/>; on equal medians the cheaper order, then the earlier.
    /// The minimum-cost order is among the candidates, so the pick is never slower than its median, and it is picked
    /// when it is the fastest.
    /// </summary>
    public static int Pick(IReadOnlyList<TuneTiming> timings)
    {
        if (timings.Count == 0) throw new ArgumentException("There is nothing to pick from.", nameof(timings));
        int best = 0;
        for (int i = 1; i < timings.Count; i++)
        {
            var (cost, time) = timings[i];
            if (time < timings[best].SecondsPerPoint || (time == timings[best].SecondsPerPoint && cost < timings[best].Cost)) best = i;
        }
        return best;
    }
}
