namespace Elim.Search;

/// <summary>A snapshot reported while a search runs.</summary>
/// <param name="Method">The reporting method.</param>
/// <param name="BestCost">The best cost found so far.</param>
/// <param name="LowerBound">The best proven lower bound so far.</param>
/// <param name="Elapsed">Time since the search started.</param>
/// <param name="Evaluations">Units of work done so far.</param>
/// <param name="Unit">What a unit of work is (exact search counts search-tree nodes), plural, for progress lines.</param>
public readonly record struct SearchProgress(string Method, long BestCost, long LowerBound, TimeSpan Elapsed, long Evaluations, string Unit = SearchProgress.DefaultUnit)
{
    /// <summary>The unit of methods that name none.</summary>
    public const string DefaultUnit = "evaluations";
}
