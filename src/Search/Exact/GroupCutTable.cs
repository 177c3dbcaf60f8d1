using Elim.Graph;

namespace Elim.Search.Exact;

/// <summary>
/// The group-cut bound of one small group of vertices: <see cref="Remaining"/>[S] is the least cost of
/// eliminating the members outside S, in any order, once the members in S are gone (bit i = member i).
/// <para>
/// Why it is admissible. When member v is eliminated after the members in T, its predecessors and successors
/// are node cuts (see <see cref="ConnectivityBound"/>) that avoid every eliminated vertex, so they are no
/// smaller than the smallest cuts avoiding T (<see cref="VertexCuts"/>); its step costs at least their
/// product c(v, T). Any order meets the group's members in some sequence, so it pays at least the cheapest
/// path through the subsets of the group, which is what the table holds. Groups are disjoint, so their
/// bounds add up. With one member this is the connectivity term.
/// </para>
/// </summary>
internal sealed class GroupCutTable
{
    private GroupCutTable(int[] members, long[] remaining)
    {
        Members = members;
        Remaining = remaining;
    }

    /// <summary>The group's vertex ids; member i is bit i of a subset.</summary>
    public int[] Members { get; }

    /// <summary>Per subset of members already gone: the least cost of eliminating the rest.</summary>
    public long[] Remaining { get; }

    /// <summary>The bound on eliminating the whole group.</summary>
    public long Total => Remaining[0];

    /// <summary>A group with no members, bounding nothing.</summary>
    public static GroupCutTable Empty { get; } = new([], [0]);

    /// <summary>A one-member group whose step is known to cost at least <paramref name="cost"/>.</summary>
    public static GroupCutTable Single(int id, long cost) => new([id], [cost, 0]);

    /// <summary>The table for <paramref name="members"/> (at most 20), or null when <paramref name="outOfTime"/> stops it.</summary>
    public static GroupCutTable? Of(ComputationalGraph graph, VertexCuts cuts, int[] members, Func<bool>? outOfTime = null)
    {
        int k = members.Length, full = (1 << k) - 1;
        var steps = new StepCosts(graph, cuts, members);
        var remaining = new long[full + 1];
        for (int gone = full - 1; gone >= 0; gone--)
        {
            if (outOfTime?.Invoke() == true) return null;
            long best = long.MaxValue;
            for (int i = 0; i < k; i++)
            {
                if ((gone >> i & 1) == 0) best = Math.Min(best, steps.Of(i, gone) + remaining[gone | 1 << i]);
            }
            remaining[gone] = best;
        }
        return new GroupCutTable(members, remaining);
    }

    /// <summary>
    /// c(member, gone), memoised: only the gone members that are ancestors of the member change its
    /// predecessor cut (descendants its successor cut), so each cut is keyed by those bits alone.
    /// </summary>
    private sealed class StepCosts
    {
        private readonly VertexCuts _cuts;
        private readonly int[] _members;
        private readonly int[] _ancestors;     // per member: bits of the members that reach it
        private readonly int[] _descendants;   // per member: bits of the members it reaches
        private readonly int[][] _into;        // per member, per subset of its ancestors: cut, or -1
        private readonly int[][] _outOf;
        private readonly List<int> _gone = [];

        public StepCosts(ComputationalGraph graph, VertexCuts cuts, int[] members)
        {
            _cuts = cuts;
            _members = members;
            int k = members.Length;
            _ancestors = new int[k];
            _descendants = new int[k];
            for (int i = 0; i < k; i++)
            {
                var reached = Reach(graph, graph.NodeOf(members[i]));
                for (int j = 0; j < k; j++)
                {
                    if (j == i || !reached[graph.NodeOf(members[j])]) continue;
                    _descendants[i] |= 1 << j;
                    _ancestors[j] |= 1 << i;
                }
            }
            _into = new int[k][];
            _outOf = new int[k][];
            for (int i = 0; i < k; i++)
            {
                _into[i] = new int[1 << k];
                _outOf[i] = new int[1 << k];
                Array.Fill(_into[i], -1);
                Array.Fill(_outOf[i], -1);
            }
        }

        public long Of(int member, int gone)
        {
            int before = gone & _ancestors[member], after = gone & _descendants[member];
            ref int into = ref _into[member][before];
            if (into < 0) into = _cuts.Into(_members[member], Ids(before));
            if (into == 0) return 0;
            ref int outOf = ref _outOf[member][after];
            if (outOf < 0) outOf = _cuts.OutOf(_members[member], Ids(after));
            return (long)into * outOf;
        }

        private ReadOnlySpan<int> Ids(int bits)
        {
            _gone.Clear();
            for (int i = 0; i < _members.Length; i++)
            {
                if ((bits >> i & 1) != 0) _gone.Add(_members[i]);
            }
            return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_gone);
        }

        // The nodes reachable from node along edges (node itself included).
        private static bool[] Reach(ComputationalGraph graph, int node)
        {
            var seen = new bool[graph.NodeCount];
            var stack = new Stack<int>();
            seen[node] = true;
            stack.Push(node);
            while (stack.Count > 0)
            {
                foreach (int next in graph.Successors(stack.Pop()))
                {
                    if (!seen[next]) { seen[next] = true; stack.Push(next); }
                }
            }
            return seen;
        }
    }
}
