namespace Elim.Search.Exact;

/// <summary>What an exact search returns: its result, and the checkpoint from which a later run continues it.</summary>
/// <param name="Result">The best order, its cost, the lower bound and whether the search proved it optimal (only when it exhausted the tree or the bound met the order).</param>
/// <param name="Checkpoint">The search's position when it stopped, with totals over every run so far.</param>
public sealed record ExactOutcome(SearchResult Result, ExactCheckpoint Checkpoint);
