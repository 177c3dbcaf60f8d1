namespace Elim.Search;

/// <summary>A snapshot reported while a search runs.</summary>
/// <param name="Method">The reporting method.</param>
/// <param name="BestCost">The best cost found so far.</param>
/// <param name="LowerBound">The best proven lower bound so far.</param>
/// <param name="Elapsed">Time since the search started.</param>
/// <param name="Evaluations">Units of work done so far.</param>
public readonly record struct SearchProgress(string Method, long BestCost, long LowerBound, TimeSpan Elapsed, long Evaluations);
