using Elim.Graph;

namespace Elim.Search;

/// <summary>The outcome of a search: the best order found and what is known about it.</summary>
/// <param name="Order">The best complete elimination order found.</param>
/// <param name="Cost">Its cost in the method's <see cref="CostModel"/>.</param>
/// <param name="LowerBound">A proven lower bound on the optimum (0 when nothing better is known).</param>
/// <param name="Method">The name of the method that produced it.</param>
/// <param name="ProvenOptimal">True when <paramref name="Cost"/> is proven to be the optimum.</param>
/// <param name="Elapsed">Wall-clock time spent.</param>
/// <param name="Evaluations">Units of work done (the method's iterations).</param>
public sealed record SearchResult(
    EliminationOrder Order, long Cost, long LowerBound, string Method, bool ProvenOptimal, TimeSpan Elapsed, long Evaluations)
{
    /// <summary>What the user should know about how the result was reached (a part cut short by time, a part skipped), in order.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
