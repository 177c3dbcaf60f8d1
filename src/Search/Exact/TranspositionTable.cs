namespace Elim.Search.Exact;

/// <summary>
/// Branch and bound's transposition table: per set of eliminated vertices (a 128-bit key), the least cost at which
/// the search entered that state. The graph after eliminating a set does not depend on the order, so a state entered
/// again at no lower cost has nothing cheaper below it. It turns the tree of orders into something closer to the
/// lattice of sets (an order of magnitude fewer nodes on small graphs), so checkpoints keep it.
/// </summary>
internal sealed class TranspositionTable
{
    private const int Capacity = 1 << 20;            // entries kept at most

    private readonly Dictionary<UInt128, long> _cheapestCostTo;

    /// <summary>A table holding <paramref name="saved"/>'s entries (a checkpoint's), or empty.</summary>
    public TranspositionTable(IReadOnlyDictionary<UInt128, long>? saved = null) => _cheapestCostTo = saved is null ? [] : new(saved);

    /// <summary>The entries, for a checkpoint.</summary>
    public IReadOnlyDictionary<UInt128, long> Entries => _cheapestCostTo;

    /// <summary>Whether the state <paramref name="key"/> was entered before at no more than <paramref name="cost"/>.</summary>
    public bool Dominates(UInt128 key, long cost) => _cheapestCostTo.TryGetValue(key, out long seen) && seen <= cost;

    /// <summary>Records entering <paramref name="key"/> at <paramref name="cost"/> (a full table only updates the states it holds).</summary>
    public void Record(UInt128 key, long cost)
    {
        if (_cheapestCostTo.Count < Capacity || _cheapestCostTo.ContainsKey(key)) _cheapestCostTo[key] = cost;
    }
}
