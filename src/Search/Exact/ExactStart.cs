using Elim.Graph;

namespace Elim.Search.Exact;

/// <summary>What an exact search starts from besides the graph.</summary>
/// <param name="Incumbent">An order to beat from the first node (the order store's, say), or null; the search also plays the classical heuristics when it starts afresh and keeps the cheapest.</param>
/// <param name="IncumbentSource">Where <paramref name="Incumbent"/> came from, for the note that names the order the search started from.</param>
/// <param name="Resume">A checkpoint of an earlier run to continue, or null to start afresh.</param>
public sealed record ExactStart(EliminationOrder? Incumbent = null, string? IncumbentSource = null, ExactCheckpoint? Resume = null)
{
    /// <summary>A fresh search with no order given: the classical heuristics' best is the first incumbent.</summary>
    public static ExactStart Fresh { get; } = new();
}
