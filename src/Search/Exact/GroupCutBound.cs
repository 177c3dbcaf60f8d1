using Elim.Graph;
using Elim.Search.Game;

namespace Elim.Search.Exact;

/// <summary>
/// A lower bound on the cost of eliminating the remaining vertices: the eliminable vertices split into
/// small groups of neighbours, each bounded by its <see cref="GroupCutTable"/> (which sees how eliminating
/// one member widens the cuts around the others; <see cref="GroupSearch"/> picks the groups), and the groups' bounds add up. It is never below the
/// <see cref="ConnectivityBound"/>, its one-member case. Branch and bound reads it per state from the
/// tables: the remaining bound is the sum over groups of their entry for the members already gone.
/// </summary>
internal sealed class GroupCutBound
{
    /// <summary>Groups of this size stay cheap on the paper's tasks (each costs up to 2^size · size cut pairs).</summary>
    public const int DefaultGroupSize = 10;

    /// <summary>The sizes branch and bound tries, cheapest first.</summary>
    public static IReadOnlyList<int> SearchedGroupSizes { get; } = [8, 10, 12, 14, 16];

    private readonly int[] _groupOf;   // per vertex id: its group, or -1
    private readonly int[] _bitOf;     // per vertex id: its bit in the group

    private GroupCutBound(ComputationalGraph graph, List<GroupCutTable> groups)
    {
        Groups = groups;
        _groupOf = new int[graph.VertexCount + 1];
        _bitOf = new int[graph.VertexCount + 1];
        Array.Fill(_groupOf, -1);
        for (int g = 0; g < groups.Count; g++)
        {
            var members = groups[g].Members;
            for (int i = 0; i < members.Length; i++) { _groupOf[members[i]] = g; _bitOf[members[i]] = 1 << i; }
        }
    }

    /// <summary>The groups (every eliminable vertex is in one under the Markowitz model; none under the emitted one).</summary>
    public IReadOnlyList<GroupCutTable> Groups { get; }

    /// <summary>
    /// The bound for <paramref name="game"/>'s graph, with groups of up to <paramref name="groupSize"/> vertices;
    /// when <paramref name="outOfTime"/> says stop, the groups not yet done fall back to one member each.
    /// </summary>
    public static GroupCutBound Of(EliminationGame game, int groupSize = DefaultGroupSize, Func<bool>? outOfTime = null, bool merge = true) =>
        Of(game, Cuts.Of(game, outOfTime), groupSize, merge, outOfTime);

    private static GroupCutBound Of(EliminationGame game, Cuts? cuts, int groupSize, bool merge, Func<bool>? outOfTime) =>
        new(game.Graph, cuts is null ? [] : GroupSearch.Run(game.Graph, cuts.Vertex, cuts.Single, groupSize, merge, outOfTime));

    /// <summary>
    /// The bound with exactly <paramref name="groups"/> (disjoint groups of eliminable vertices, as an earlier search
    /// chose them), without searching for groups: any disjoint groups are admissible. None under the emitted model.
    /// </summary>
    public static GroupCutBound FromGroups(EliminationGame game, IEnumerable<int[]> groups)
    {
        if (game.CostModel != CostModel.Markowitz) return new(game.Graph, []);
        var cuts = new VertexCuts(game.Graph);
        return new(game.Graph, [.. groups.Select(members => GroupCutTable.Of(game.Graph, cuts, members)!)]);
    }

    /// <summary>
    /// The highest of the bounds with groups of each size in <paramref name="groupSizes"/> (ascending), tried while time is
    /// left: per size, groups searched afresh with and without merging, and the best groups so far grown to that size
    /// (the group search stops in a local optimum, and which stops highest differs per graph; grown groups never lose).
    /// Then up to <paramref name="kicks"/> times the best groups are shaken around a vertex and grown again
    /// (<see cref="GroupSearch.Kick"/>), around the vertices of the highest connectivity terms first (where the groups'
    /// interplay pays most), until the bound reaches <paramref name="target"/> (a known order's cost: no bound can pass it).
    /// <paramref name="raised"/> hears each higher bound as it is found.
    /// </summary>
    public static GroupCutBound Strongest(EliminationGame game, IReadOnlyList<int> groupSizes, Func<bool>? outOfTime = null, int kicks = 0,
        long target = long.MaxValue, Action<long>? raised = null)
    {
        var cuts = Cuts.Of(game, outOfTime);   // the same for every size: computed once
        GroupCutBound? best = null;
        long bestTotal = -1;
        void Keep(Func<GroupCutBound> bound)
        {
            if (best is not null && (outOfTime?.Invoke() == true || bestTotal >= target)) return;
            var candidate = bound();
            long total = candidate.Remaining(candidate.GoneMembers(game));
            if (total <= bestTotal) return;
            (best, bestTotal) = (candidate, total);
            raised?.Invoke(total);
        }
        foreach (int size in groupSizes)
        {
            Keep(() => Of(game, cuts, size, merge: true, outOfTime));
            Keep(() => Of(game, cuts, size, merge: false, outOfTime));
            if (cuts is not null) Keep(() => new(game.Graph, GroupSearch.Grow(game.Graph, cuts.Vertex, cuts.Single, best!.Groups, size, outOfTime)));
        }
        int[] centres = cuts is null ? [] : [.. game.Graph.EliminableVertices.OrderByDescending(id => cuts.Single[id]).ThenBy(id => id)];
        for (int kick = 0; kick < kicks && centres.Length > 0 && outOfTime?.Invoke() != true && bestTotal < target; kick++)
        {
            int centre = centres[kick % centres.Length];
            Keep(() => new(game.Graph, GroupSearch.Kick(game.Graph, cuts!.Vertex, cuts.Single, best!.Groups, groupSizes[^1], centre, outOfTime)));
        }
        return best ?? Of(game, cuts, 1, merge: true, outOfTime);
    }

    /// <summary>The cuts of the graph and each vertex's own connectivity bound, what every group search starts from (none under the emitted cost model).</summary>
    private sealed record Cuts(VertexCuts Vertex, long[] Single)
    {
        public static Cuts? Of(EliminationGame game, Func<bool>? outOfTime)
        {
            if (game.CostModel != CostModel.Markowitz) return null;
            var vertex = new VertexCuts(game.Graph);
            return new Cuts(vertex, ConnectivityBound.Of(game, vertex, outOfTime).PerVertex);
        }
    }

    /// <summary>Which members of each group <paramref name="game"/> has eliminated: the state the bound is read at.</summary>
    public int[] GoneMembers(EliminationGame game)
    {
        var gone = new int[Groups.Count];
        foreach (int id in game.Graph.EliminableVertices)
        {
            if (game.IsEliminated(id) && _groupOf[id] >= 0) gone[_groupOf[id]] |= _bitOf[id];
        }
        return gone;
    }

    /// <summary>The bound on the rest of the game once the members in <paramref name="gone"/> are eliminated.</summary>
    public long Remaining(int[] gone)
    {
        long total = 0;
        for (int g = 0; g < Groups.Count; g++) total += Groups[g].Remaining[gone[g]];
        return total;
    }

    /// <summary>How much the remaining bound drops when <paramref name="id"/> is eliminated next.</summary>
    public long Drop(int[] gone, int id)
    {
        int g = _groupOf[id];
        if (g < 0) return 0;
        var remaining = Groups[g].Remaining;
        return remaining[gone[g]] - remaining[gone[g] | _bitOf[id]];
    }

    /// <summary>Marks <paramref name="id"/> eliminated (or, again, not) in <paramref name="gone"/>.</summary>
    public void Toggle(int[] gone, int id)
    {
        if (_groupOf[id] >= 0) gone[_groupOf[id]] ^= _bitOf[id];
    }
}
