namespace Elim.Search;

/// <summary>
/// How long a search may run: a wall-clock limit and, optionally, a limit on its own unit of work
/// (evaluations, nodes or simulations; see each method). Iteration limits make runs reproducible.
/// </summary>
public sealed record SearchBudget
{
    /// <summary>A budget of <paramref name="time"/>, optionally capped at <paramref name="iterations"/>.</summary>
    public SearchBudget(TimeSpan time, long? iterations = null)
    {
        if (time <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(time), time, "The time budget must be positive.");
        if (iterations is <= 0) throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "The iteration budget must be positive.");
        Time = time;
        Iterations = iterations;
    }

    /// <summary>The wall-clock limit.</summary>
    public TimeSpan Time { get; }

    /// <summary>The iteration limit, or null for none.</summary>
    public long? Iterations { get; }

    /// <summary>A budget limited only by <paramref name="iterations"/> (with an hour as a safety net).</summary>
    public static SearchBudget OfIterations(long iterations) => new(TimeSpan.FromHours(1), iterations);

    /// <summary>A budget of <paramref name="time"/> only.</summary>
    public static SearchBudget OfTime(TimeSpan time) => new(time);
}
