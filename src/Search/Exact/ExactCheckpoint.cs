using Elim.Graph;
using Elim.Search.Game;

namespace Elim.Search.Exact;

/// <summary>
/// Where an exact search stopped, so that a later run continues instead of starting over. The search is depth-first
/// and tries each state's candidates in a fixed order (<see cref="CandidateOrder"/>), so the current path names the
/// position: every subtree left of it is fully explored, pruned against a best cost that has only fallen since (so
/// skipping it stays valid), and the node at its end is the next to explore. The transposition table and the lower
/// bound's groups are saved too, so a resumed search prunes as the first run would have, without searching for groups
/// again (an empty table made resumed searches of small graphs visit up to 30 times the nodes).
/// </summary>
/// <param name="Function">The function searched, for messages.</param>
/// <param name="GraphHash">The graph's <see cref="Graph.GraphHash.Content"/>: constants decide step costs under the emitted model.</param>
/// <param name="CostModel">The cost model searched under.</param>
/// <param name="Finished">True when the search exhausted the tree: the incumbent is optimal.</param>
/// <param name="Path">The position: per depth, the candidate being explored (empty: the root is next).</param>
/// <param name="BoundGroups">The vertex groups of the search's <see cref="GroupCutBound"/>, or null when it was not built.</param>
/// <param name="Transpositions">The transposition table: per set of eliminated vertices (its 128-bit key), the least cost the search entered it at; null when finished.</param>
/// <param name="Incumbent">The best order so far.</param>
/// <param name="IncumbentCost">Its cost.</param>
/// <param name="LowerBound">The best lower bound so far.</param>
/// <param name="Nodes">Search-tree nodes visited by every run so far.</param>
/// <param name="Elapsed">Time spent by every run so far.</param>
/// <param name="Runs">How many runs the search has had, the one that wrote this checkpoint included.</param>
public sealed partial record ExactCheckpoint(
    string Function, string GraphHash, CostModel CostModel, bool Finished, IReadOnlyList<PathStep> Path,
    IReadOnlyList<int[]>? BoundGroups, IReadOnlyDictionary<UInt128, long>? Transpositions, EliminationOrder Incumbent, long IncumbentCost, long LowerBound, long Nodes,
    TimeSpan Elapsed, int Runs)
{
    /// <summary>The largest group a bound table is built for (2^size entries).</summary>
    private const int MaxGroupSize = 20;

    /// <summary>
    /// Throws <see cref="InvalidCheckpointException"/> unless this checkpoint was written for <paramref name="graph"/>
    /// under <paramref name="costModel"/>, its incumbent is a complete order, its bound groups are disjoint groups of
    /// eliminable vertices, and its path names the same candidates in this version's trying order.
    /// </summary>
    public void CheckFits(ComputationalGraph graph, CostModel costModel)
    {
        string hash = Graph.GraphHash.Content(graph);
        if (hash != GraphHash)
            throw new InvalidCheckpointException($"it was written for '{Function}' (graph hash {GraphHash}), not for '{graph.Name}' " +
                $"(graph hash {hash}); resume it with the program it was written for, or start a fresh search without it");
        if (costModel != CostModel)
            throw new InvalidCheckpointException($"it was written for the {Name(CostModel)} cost model, not the {Name(costModel)} one; " +
                $"resume it with --cost {Name(CostModel)}");
        try { Incumbent.Validate(graph); }
        catch (InvalidOrderException e) { throw new InvalidCheckpointException($"its incumbent order is damaged: {e.Message}"); }
        CheckGroups(graph);
        CheckPath(new EliminationGame(graph, costModel));
    }

    /// <summary>The lower-case name of <paramref name="model"/>, as <c>--cost</c> takes it.</summary>
    internal static string Name(CostModel model) => model.ToString().ToLowerInvariant();

    // Any disjoint groups give an admissible bound; a vertex twice, or a group too big for its table, is damage.
    private void CheckGroups(ComputationalGraph graph)
    {
        var seen = new HashSet<int>();
        foreach (int[] group in BoundGroups ?? [])
        {
            if (group.Length is 0 or > MaxGroupSize || !group.All(id => id >= 1 && id <= graph.VertexCount && graph.IsEliminable(id) && seen.Add(id)))
                throw new InvalidCheckpointException($"its bound groups are damaged: they must be disjoint groups of 1 to {MaxGroupSize} eliminable vertices");
        }
    }

    // Walks the path as the search will: a candidate index that names another vertex would skip unexplored subtrees.
    private void CheckPath(EliminationGame game)
    {
        var candidates = new int[game.RemainingCount];
        var steps = new long[game.RemainingCount];
        var order = new CandidateOrder(game);
        for (int depth = 0; depth < Path.Count; depth++)
        {
            var (candidate, vertex) = Path[depth];
            int count = order.Sort(candidates, steps);
            if (candidate < 0 || candidate >= count || candidates[candidate] != vertex)
                throw new InvalidCheckpointException($"its search path does not fit this graph at depth {depth} (candidate {candidate}, vertex {vertex}); " +
                    "it is damaged or from another version of the search; start a fresh search without it");
            game.Eliminate(vertex);
        }
    }
}

/// <summary>A checkpoint that cannot be resumed here: unreadable, damaged, or written for another graph or cost model. The message says why.</summary>
public sealed class InvalidCheckpointException(string message) : Exception(message);
