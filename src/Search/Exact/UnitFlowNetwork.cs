namespace Elim.Search.Exact;

/// <summary>
/// A flow network with small edge capacities, for counting vertex-disjoint paths (Menger): split each
/// node into an in-half and an out-half joined by one unit edge, give the other edges more capacity than
/// any flow, then the maximum flow is the number of paths that share no node, which equals the smallest
/// set of nodes cutting every path. Flow is pushed one unit per augmenting path.
/// </summary>
internal sealed class UnitFlowNetwork
{
    /// <summary>More than any flow here: every unit leaves the source on its own unit edge.</summary>
    public const int Unbounded = 1 << 24;

    private readonly List<(int From, int To, int Capacity)> _pending = [];
    private readonly int _nodeCount;
    private int[] _start = [];      // CSR: arcs of node u are [_start[u], _start[u+1])
    private int[] _head = [];
    private int[] _reverse = [];
    private int[] _capacity = [];   // residual capacity of each arc
    private int[] _initial = [];
    private int[] _arcOfEdge = [];  // edge index → its forward arc
    private int[] _parentArc = [];
    private int[] _queue = [];

    public UnitFlowNetwork(int nodeCount) => _nodeCount = nodeCount;

    /// <summary>Adds an edge (and its zero-capacity reverse arc); returns the edge's index.</summary>
    public int AddEdge(int from, int to, int capacity = 1)
    {
        _pending.Add((from, to, capacity));
        return _pending.Count - 1;
    }

    /// <summary>Freezes the edges into arrays; call once after the last <see cref="AddEdge"/>.</summary>
    public void Build()
    {
        var degree = new int[_nodeCount + 1];
        foreach (var (from, to, _) in _pending) { degree[from]++; degree[to]++; }
        _start = new int[_nodeCount + 1];
        for (int u = 0; u < _nodeCount; u++) _start[u + 1] = _start[u] + degree[u];
        int arcs = _start[_nodeCount];
        _head = new int[arcs];
        _reverse = new int[arcs];
        _initial = new int[arcs];
        var fill = (int[])_start.Clone();
        _arcOfEdge = new int[_pending.Count];
        for (int edge = 0; edge < _pending.Count; edge++)
        {
            var (from, to, capacity) = _pending[edge];
            int forward = fill[from]++, backward = fill[to]++;
            _head[forward] = to; _reverse[forward] = backward; _initial[forward] = capacity;
            _head[backward] = from; _reverse[backward] = forward;
            _arcOfEdge[edge] = forward;
        }
        _capacity = new int[arcs];
        _parentArc = new int[_nodeCount];
        _queue = new int[_nodeCount];
    }

    /// <summary>
    /// The maximum flow from <paramref name="source"/> to <paramref name="sink"/> by shortest augmenting
    /// paths, not counting a direct source→sink edge. The edges in <paramref name="uncut"/> have unbounded
    /// capacity: a node whose split edge is there cannot be part of a cut.
    /// </summary>
    public int MaxFlow(int source, int sink, ReadOnlySpan<int> uncut = default)
    {
        Array.Copy(_initial, _capacity, _initial.Length);
        foreach (int edge in uncut) _capacity[_arcOfEdge[edge]] = Unbounded;
        for (int arc = _start[source]; arc < _start[source + 1]; arc++)
        {
            if (_head[arc] == sink) _capacity[arc] = 0;
        }
        int flow = 0;
        while (Augment(source, sink)) flow++;
        return flow;
    }

    private bool Augment(int source, int sink)
    {
        Array.Fill(_parentArc, -1);
        _parentArc[source] = int.MaxValue;
        int head = 0, tail = 0;
        _queue[tail++] = source;
        while (head < tail)
        {
            int u = _queue[head++];
            for (int arc = _start[u]; arc < _start[u + 1]; arc++)
            {
                int v = _head[arc];
                if (_capacity[arc] == 0 || _parentArc[v] != -1) continue;
                _parentArc[v] = arc;
                if (v == sink)
                {
                    for (int w = sink; w != source; w = _head[_reverse[_parentArc[w]]])
                    {
                        _capacity[_parentArc[w]]--;
                        _capacity[_reverse[_parentArc[w]]]++;
                    }
                    return true;
                }
                _queue[tail++] = v;
            }
        }
        return false;
    }
}
