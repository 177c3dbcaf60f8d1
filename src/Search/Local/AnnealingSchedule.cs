namespace Elim.Search.Local;

/// <summary>
/// The cooling schedule: each epoch cools geometrically from <see cref="StartTemperature"/> to
/// <see cref="EndTemperature"/> over <see cref="EpochMovesPerVertex"/> moves per eliminable vertex, then
/// restarts from the chain's best order. An epoch longer than the chain's budget (moves, or the time left) is
/// shortened to end with it; a chain limited by time alone measures its epochs on the clock (<see cref="EpochClock"/>). Temperatures are in multiplications (a move that costs one more
/// multiplication is accepted with probability e^(−1/T)).
/// </summary>
public sealed record AnnealingSchedule(double StartTemperature = 0.5, double EndTemperature = 0.05, int EpochMovesPerVertex = 4000)
{
    /// <summary>
    /// The schedule tuned on the examples. Starting at 0.5 rather than 2 (perf/results/search-seeds*.md): better on the
    /// encoder (anneal at 10 s, five seeds, 6,664–6,675 → 6,650–6,653) and f (priority-anneal at 10 s, 5,111–5,126 → 5,111
    /// on all), equal on the other examples (10 s, seed 1) and the open ones at 60 s, worse on newton_step, whose 360
    /// order lies past a 364 basin that a cooler chain leaves less often (anneal at 10 s: 360 on 4 seeds of 5 → on 1).
    /// </summary>
    public static AnnealingSchedule Default { get; } = new();

    /// <summary>The temperature after <paramref name="fraction"/> of an epoch.</summary>
    public double TemperatureAt(double fraction) => StartTemperature * Math.Pow(EndTemperature / StartTemperature, fraction);
}
