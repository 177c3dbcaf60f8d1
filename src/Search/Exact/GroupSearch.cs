using Elim.Graph;

namespace Elim.Search.Exact;

/// <summary>
/// Chooses the groups of a <see cref="GroupCutBound"/>: greedy neighbourhoods first, then neighbouring groups
/// merged where that gains, then single vertices
/// moved to a neighbouring group while that raises the sum of the group bounds (any partition is admissible,
/// so the search only ever trades one valid bound for a higher one and may stop at any time).
/// </summary>
internal sealed class GroupSearch
{
    private readonly ComputationalGraph _graph;
    private readonly VertexCuts _cuts;
    private readonly long[] _single;
    private readonly int _groupSize;
    private readonly Func<bool>? _outOfTime;
    private readonly List<GroupCutTable> _groups = [];
    private readonly int[] _groupOf;

    private GroupSearch(ComputationalGraph graph, VertexCuts cuts, long[] single, int groupSize, Func<bool>? outOfTime)
    {
        _graph = graph;
        _cuts = cuts;
        _single = single;
        _groupSize = groupSize;
        _outOfTime = outOfTime;
        _groupOf = new int[graph.VertexCount + 1];
    }

    /// <summary>
    /// Groups of up to <paramref name="groupSize"/> eliminable vertices covering them all, given each vertex's
    /// connectivity term <paramref name="single"/>, with or without the <paramref name="merge"/> phase (each ends
    /// higher on some graphs); when time runs out the groups not yet built are single vertices.
    /// </summary>
    public static List<GroupCutTable> Run(ComputationalGraph graph, VertexCuts cuts, long[] single, int groupSize, bool merge, Func<bool>? outOfTime)
    {
        var search = new GroupSearch(graph, cuts, single, groupSize, outOfTime);
        search.Greedy();
        if (merge) search.Merge();
        while (search.ImproveOnce()) { }
        return search._groups;
    }

    /// <summary>
    /// <paramref name="groups"/> (a partition of the eliminable vertices, as an earlier run left it) grown to groups of up
    /// to <paramref name="groupSize"/>: neighbouring groups merged where that gains, then vertices moved. Every
    /// step raises the sum, so the result is never below the groups it started from.
    /// </summary>
    public static List<GroupCutTable> Grow(ComputationalGraph graph, VertexCuts cuts, long[] single, IEnumerable<GroupCutTable> groups, int groupSize,
        Func<bool>? outOfTime)
    {
        var search = new GroupSearch(graph, cuts, single, groupSize, outOfTime);
        foreach (var table in groups.Where(t => t.Members.Length > 0)) search.Add(table);
        search.Merge();
        while (search.ImproveOnce()) { }
        return search._groups;
    }

    /// <summary>
    /// <paramref name="groups"/> shaken out of their local optimum: the neighbourhood of <paramref name="centre"/> taken out
    /// into a group of its own, then the groups it touched merged and their vertices and neighbours moved as <see cref="Grow"/>
    /// does (the rest was settled already). The result may bound lower; callers keep the best.
    /// </summary>
    public static List<GroupCutTable> Kick(ComputationalGraph graph, VertexCuts cuts, long[] single, IReadOnlyList<GroupCutTable> groups, int groupSize,
        int centre, Func<bool>? outOfTime)
    {
        var search = new GroupSearch(graph, cuts, single, groupSize, outOfTime);
        var ball = new List<int> { centre };
        for (int at = 0; at < ball.Count && ball.Count < (groupSize + 1) / 2; at++)
        {
            foreach (int next in search.Neighbours([ball[at]]))
            {
                if (ball.Count < (groupSize + 1) / 2 && !ball.Contains(next)) ball.Add(next);
            }
        }
        var touched = new List<int>();
        foreach (var table in groups)
        {
            var rest = table.Members.Where(m => !ball.Contains(m)).ToArray();
            if (rest.Length == table.Members.Length) search.Add(table);
            else if (rest.Length > 0) touched.Add(search.Add(GroupCutTable.Of(graph, cuts, rest, outOfTime) ?? GroupCutTable.Empty));
        }
        touched.Add(search.Add(GroupCutTable.Of(graph, cuts, [.. ball], outOfTime) ?? GroupCutTable.Empty));
        search.Merge(touched);
        var near = touched.SelectMany(g => search._groups[g].Members).ToList();
        near.AddRange(search.Neighbours(near).ToList());
        while (search.ImproveOnce(near.Distinct().ToArray())) { }
        return search._groups;
    }

    // Greedy groups: seed with the dearest vertex left, then add the dearest eliminable neighbour of the
    // group until it is half full (the moves fill it where that pays); dear vertices sit in long chains of wide cuts, where the interplay pays most.
    private void Greedy()
    {
        var taken = new bool[_graph.VertexCount + 1];
        foreach (int seed in _graph.EliminableVertices.OrderByDescending(id => _single[id]).ThenBy(id => id))
        {
            if (taken[seed]) continue;
            var members = new List<int> { seed };
            taken[seed] = true;
            while (members.Count < (_groupSize + 1) / 2)
            {
                int next = Neighbours(members).Where(id => !taken[id]).OrderByDescending(id => _single[id]).ThenBy(id => id).FirstOrDefault();
                if (next == 0) break;
                members.Add(next);
                taken[next] = true;
            }
            var table = _outOfTime?.Invoke() == true ? null : GroupCutTable.Of(_graph, _cuts, [.. members], _outOfTime);
            if (table is not null) Add(table);
            else foreach (int id in members) Add(GroupCutTable.Single(id, _single[id]));
        }
    }

    // Joins each group with the neighbouring group that gains most by it, while both fit in one: a union's
    // bound is never below the sum of its parts (its cuts avoid more), and often above.
    private void Merge() => Merge(Enumerable.Range(0, _groups.Count));

    private void Merge(IEnumerable<int> groups)
    {
        foreach (int group in groups)
        {
            while (_groups[group].Members.Length > 0 && _outOfTime?.Invoke() != true)
            {
                var members = _groups[group].Members;
                GroupCutTable? best = null;
                int partner = -1;
                long bestGain = 0;
                foreach (int other in Neighbours(members).Select(n => _groupOf[n]).Distinct().ToArray())
                {
                    if (_groups[other].Members.Length + members.Length > _groupSize) continue;
                    var union = GroupCutTable.Of(_graph, _cuts, [.. members, .. _groups[other].Members], _outOfTime);
                    long gain = union is null ? 0 : union.Total - _groups[group].Total - _groups[other].Total;
                    if (gain > bestGain) (best, partner, bestGain) = (union, other, gain);
                }
                if (best is null) break;
                Replace(partner, GroupCutTable.Empty);
                Replace(group, best);
            }
        }
    }

    // One pass over the vertices: move each to a neighbouring group with room when the two groups' bounds
    // then sum higher. True when something moved (and time is left for another pass).
    private bool ImproveOnce() => ImproveOnce(_graph.EliminableVertices);

    private bool ImproveOnce(IReadOnlyList<int> vertices)
    {
        bool moved = false;
        foreach (int id in vertices)
        {
            foreach (int target in Neighbours([id]).Select(n => _groupOf[n]).Distinct().ToArray())
            {
                if (_outOfTime?.Invoke() == true) return false;
                int source = _groupOf[id];
                if (target == source || _groups[target].Members.Length >= _groupSize) continue;
                var without = _groups[source].Members.Where(m => m != id).ToArray();
                var from = without.Length == 0 ? null : GroupCutTable.Of(_graph, _cuts, without, _outOfTime);
                var to = GroupCutTable.Of(_graph, _cuts, [.. _groups[target].Members, id], _outOfTime);
                if (to is null || without.Length > 0 && from is null) return false;
                if ((from?.Total ?? 0) + to.Total <= _groups[source].Total + _groups[target].Total) continue;
                Replace(target, to);
                Replace(source, from);
                moved = true;
                break;
            }
        }
        return moved;
    }

    private int Add(GroupCutTable table)
    {
        _groups.Add(table);
        foreach (int id in table.Members) _groupOf[id] = _groups.Count - 1;
        return _groups.Count - 1;
    }

    // An emptied group stays as a placeholder with no members, so group numbers keep their meaning.
    private void Replace(int group, GroupCutTable? table)
    {
        _groups[group] = table ?? GroupCutTable.Empty;
        foreach (int id in _groups[group].Members) _groupOf[id] = group;
    }

    // The eliminable vertices adjacent to any of members, outside them.
    private IEnumerable<int> Neighbours(IReadOnlyCollection<int> members)
    {
        foreach (int id in members)
        {
            int node = _graph.NodeOf(id);
            foreach (int other in _graph.Predecessors(node).Concat(_graph.Successors(node)))
            {
                int neighbour = _graph.VertexIdOf(other);
                if (neighbour != 0 && _graph.IsEliminable(neighbour) && !members.Contains(neighbour)) yield return neighbour;
            }
        }
    }
}
