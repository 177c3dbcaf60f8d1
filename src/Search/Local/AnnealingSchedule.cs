namespace Elim.Search.Local;

/// <summary>
/// The cooling schedule: each epoch cools geometrically from <see cref="StartTemperature"/> to
/// <see cref="EndTemperature"/> over <see cref="EpochMovesPerVertex"/> moves per eliminable vertex, then
/// restarts from the chain's best order. An epoch longer than the chain's budget (moves, or the time left) is
/// shortened to end with it; a chain limited by time alone measures its epochs on the clock (<see cref="EpochClock"/>).
/// Temperatures are in multiplications (a move that costs one more multiplication is accepted with probability
/// e^(−1/T)).
/// </summary>
public sealed record AnnealingSchedule(double StartTemperature = 0.5, double EndTemperature = 0.05, int EpochMovesPerVertex = 4000)
{
    /// <summary>
    /// The schedule tuned on the examples. Starting at 0.5 rather than 2 did better on the encoder and f and worse on
    /// newton_step, whose cheapest known order lies past a basin that a cooler chain leaves less often
    /// (perf/results/search-seeds*.md and CHANGELOG.md have the figures).
    /// </summary>
    public static AnnealingSchedule Default { get; } = new();

    /// <summary>The temperature after <paramref name="fraction"/> of an epoch.</summary>
    public double TemperatureAt(double fraction) => StartTemperature * Math.Pow(EndTemperature / StartTemperature, fraction);
}
