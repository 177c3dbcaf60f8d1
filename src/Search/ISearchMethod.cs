using Elim.Graph;

namespace Elim.Search;

/// <summary>
/// A way to find an elimination order. Methods are seeded and budgeted and keep no state between calls:
/// graph, budget and seed in, an immutable <see cref="SearchResult"/> out.
/// </summary>
public interface ISearchMethod
{
    /// <summary>The method's registry name (lower case).</summary>
    string Name { get; }

    /// <summary>
    /// Searches <paramref name="graph"/> within <paramref name="budget"/>; the same seed and an iteration
    /// budget give the same result. Cancellation ends the search early with the best order so far.
    /// </summary>
    SearchResult Search(ComputationalGraph graph, SearchBudget budget, int seed, IProgress<SearchProgress>? progress, CancellationToken token);
}
