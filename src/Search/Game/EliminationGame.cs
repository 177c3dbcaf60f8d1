using Elim.Graph;

namespace Elim.Search.Game;

/// <summary>
/// The elimination game every search method plays, in memory proportional to the graph and its fill-in
/// (plus at most 4 MB per edge set held as bits, on a graph of up to about 5,800 nodes):
/// per node a list of predecessors and a list of successors, a set of the edges (<see cref="EdgeSet"/>: a bit
/// per node pair up to about 5,800 nodes, hashed above; a fill-in test is one lookup and a step costs
/// O(|P|·|S|)), and the counts |P| and |S| kept up to date, so every remaining
/// vertex's Markowitz degree is a multiplication away. List entries are deleted lazily: an entry stays
/// when its node is eliminated and is skipped from then on (a predecessor entry is live while that node is
/// not eliminated; a successor entry while it is not eliminated or is an output, which keeps its in-edges).
/// The edge set holds only the live edges: the edges of an eliminated vertex leave it, which keeps a hashed
/// set a fraction of the size of every edge ever made on a graph of 10⁵ vertices, and its lookups in cache.
/// <see cref="Eliminate"/> records on a trail the counts and list lengths it changes around the vertex,
/// and the edges it makes and removes; <see cref="Undo"/> restores them exactly, so search can walk a tree
/// of orders in place. After warm-up (lists, trail and edge set grown) no step allocates.
/// </summary>
public sealed partial class EliminationGame
{
    private readonly ComputationalGraph _graph;
    private readonly int _inputCount;
    private readonly int _nodeCount;
    private readonly int[][] _predecessors;     // per node; the first PredLength entries are in use
    private readonly int[][] _successors;       // per node; the first SuccLength entries are in use
    private readonly int[] _ints;               // |P| at [node], |S| at [N + node], list lengths at [2N + node] and [3N + node]
    private readonly EdgeSet _edges;            // EdgeKey(i, j) of every live edge
    private readonly EdgeSet? _unitEdges;       // the live edges that carry a ±1 partial (emitted cost model only)
    private readonly long[] _startUnitEdges = [];   // the graph's own such edges
    private readonly bool[] _isOutputNode;
    private readonly bool[] _isGone;            // per node: eliminated
    private readonly int[] _remaining;          // remaining eliminable vertex ids; [0, _remainingCount) is live
    private readonly int[] _position;           // per vertex id: its index in _remaining
    private readonly bool[] _isEliminable;      // per vertex id (index 0 unused)
    private int _remainingCount;
    private int[] _fillPerPredecessor = [];     // scratch of NeighbourDegreeChange

    /// <summary>A fresh game on <paramref name="graph"/> with nothing eliminated.</summary>
    public EliminationGame(ComputationalGraph graph, CostModel costModel = CostModel.Markowitz)
    {
        _graph = graph;
        CostModel = costModel;
        _inputCount = graph.InputCount;
        _nodeCount = graph.NodeCount;
        _ints = new int[4 * _nodeCount];
        _predecessors = new int[_nodeCount][];
        _successors = new int[_nodeCount][];
        for (int node = 0; node < _nodeCount; node++)
        {
            _predecessors[node] = new int[graph.Predecessors(node).Count];
            _successors[node] = new int[graph.Successors(node).Count];
        }
        long edgeKeys = (long)_nodeCount * _nodeCount;   // EdgeKey's range
        _edges = new EdgeSet(graph.Edges.Count, edgeKeys);
        if (costModel == CostModel.Emitted)
        {
            bool[] unit = UnitPartials.Of(graph);
            _startUnitEdges = [.. Enumerable.Range(0, unit.Length).Where(e => unit[e]).Select(e => EdgeKey(graph.Edges[e].Source, graph.Edges[e].Target))];
            _unitEdges = new EdgeSet(graph.Edges.Count, edgeKeys);
        }
        _isOutputNode = new bool[_nodeCount];
        foreach (var output in graph.Outputs) _isOutputNode[graph.NodeOf(output.VertexId)] = true;
        _isGone = new bool[_nodeCount];

        _remaining = new int[graph.EliminableVertices.Count];
        _position = new int[graph.VertexCount + 1];
        _isEliminable = new bool[graph.VertexCount + 1];
        foreach (int id in graph.EliminableVertices) _isEliminable[id] = true;
        EliminableCount = _remaining.Length;
        InitializeTrail();
        LoadStart();
    }

    /// <summary>Puts every list, count and edge of the graph in place, as before any elimination, with an empty trail.</summary>
    private void LoadStart()
    {
        for (int node = 0; node < _nodeCount; node++)
        {
            int predecessors = CopyInto(_graph.Predecessors(node), _predecessors[node]);
            int successors = CopyInto(_graph.Successors(node), _successors[node]);
            _ints[node] = _ints[PredLength(node)] = predecessors;
            _ints[_nodeCount + node] = _ints[SuccLength(node)] = successors;
        }
        _edges.Clear();
        var edges = _graph.Edges;
        for (int e = 0; e < edges.Count; e++) _edges.Add(EdgeKey(edges[e].Source, edges[e].Target)); // no enumerator: resets do not allocate
        _unitEdges?.Clear();
        foreach (long key in _startUnitEdges) _unitEdges!.Add(key);
        Array.Clear(_isGone);
        _remainingCount = CopyInto(_graph.EliminableVertices, _remaining);
        for (int i = 0; i < _remainingCount; i++) _position[_remaining[i]] = i;
        ClearTrail();

        static int CopyInto(IReadOnlyList<int> source, int[] target)
        {
            for (int i = 0; i < source.Count; i++) target[i] = source[i];
            return source.Count;
        }
    }

    /// <summary>The graph being eliminated.</summary>
    public ComputationalGraph Graph => _graph;

    /// <summary>How <see cref="Cost"/> and <see cref="StepCost"/> count.</summary>
    public CostModel CostModel { get; }

    /// <summary>Number of vertices a complete order eliminates.</summary>
    public int EliminableCount { get; }

    /// <summary>Number of vertices still to eliminate.</summary>
    public int RemainingCount => _remainingCount;

    /// <summary>The vertex ids still to eliminate, in no particular order (the order changes as vertices go and come back).</summary>
    public ReadOnlySpan<int> Remaining => _remaining.AsSpan(0, _remainingCount);

    /// <summary>True once every eliminable vertex is gone.</summary>
    public bool IsComplete => _remainingCount == 0;

    /// <summary>Whether vertex <paramref name="vertexId"/> belongs in an order (cached from the graph).</summary>
    public bool IsEliminable(int vertexId) => _isEliminable[vertexId];

    /// <summary>Whether vertex <paramref name="vertexId"/> has been eliminated.</summary>
    public bool IsEliminated(int vertexId) => _isEliminable[vertexId] && _position[vertexId] >= _remainingCount;

    /// <summary>|P(k)|: distinct predecessors of vertex <paramref name="vertexId"/> in the current graph.</summary>
    public int PredecessorCount(int vertexId) => _ints[NodeOf(vertexId)];

    /// <summary>|S(k)|: distinct successors of vertex <paramref name="vertexId"/> in the current graph.</summary>
    public int SuccessorCount(int vertexId) => _ints[_nodeCount + NodeOf(vertexId)];

    /// <summary>The Markowitz degree |P(k)|·|S(k)| of vertex <paramref name="vertexId"/> in the current graph.</summary>
    public long MarkowitzDegree(int vertexId)
    {
        int node = NodeOf(vertexId);
        return (long)_ints[node] * _ints[_nodeCount + node];
    }

    /// <summary>What eliminating <paramref name="vertexId"/> now would cost in <see cref="CostModel"/>.</summary>
    public long StepCost(int vertexId) => _unitEdges is null ? MarkowitzDegree(vertexId) : EmittedStepCost(NodeOf(vertexId));

    /// <summary>The number of new edges (fill-in) that eliminating <paramref name="vertexId"/> now would create.</summary>
    public long FillIn(int vertexId)
    {
        int k = NodeOf(vertexId);
        long fill = 0;
        foreach (int j in SuccessorEntries(k))
        {
            if (!IsLiveSuccessor(j)) continue;
            var predecessors = PredecessorEntries(k);
            for (int p = 0; p < predecessors.Length; p++)
            {
                PrefetchEdge(predecessors, p + PrefetchDistance, j);
                int i = predecessors[p];
                if (!_isGone[i] && !_edges.Contains(EdgeKey(i, j))) fill++;
            }
        }
        return fill;
    }

    /// <summary>
    /// How much eliminating <paramref name="vertexId"/> would change the summed Markowitz degrees of the remaining
    /// vertices around it, read off the fill-in it would make instead of eliminating and undoing. Only its
    /// neighbours' degrees change: a predecessor i gains a successor per fill edge i→j and loses the vertex itself
    /// (unless it is an output, which keeps its in-edges); a successor j gains a predecessor per fill edge and loses
    /// the vertex.
    /// </summary>
    public long NeighbourDegreeChange(int vertexId) => FillInAndNeighbourDegreeChange(vertexId).DegreeChange;

    /// <summary>
    /// <see cref="FillIn"/> and <see cref="NeighbourDegreeChange"/> of <paramref name="vertexId"/> from one pass over
    /// its predecessor–successor pairs (the degree change counts the fill-in edges anyway).
    /// </summary>
    public (long FillIn, long DegreeChange) FillInAndNeighbourDegreeChange(int vertexId)
    {
        int k = NodeOf(vertexId);
        var predecessors = PredecessorEntries(k);
        if (_fillPerPredecessor.Length < predecessors.Length) _fillPerPredecessor = new int[2 * predecessors.Length];
        var fill = _fillPerPredecessor.AsSpan(0, predecessors.Length);
        fill.Clear();
        long change = 0, fillIn = 0;
        foreach (int j in SuccessorEntries(k))
        {
            if (!IsLiveSuccessor(j)) continue;
            int added = 0;
            for (int p = 0; p < predecessors.Length; p++)
            {
                PrefetchEdge(predecessors, p + PrefetchDistance, j);
                int i = predecessors[p];
                if (_isGone[i] || _edges.Contains(EdgeKey(i, j))) continue;
                added++;
                fill[p]++;
            }
            fillIn += added;
            if (IsRemainingNode(j)) change += (long)(added - 1) * _ints[_nodeCount + j];
        }
        int lost = _isOutputNode[k] ? 0 : 1;
        for (int p = 0; p < predecessors.Length; p++)
        {
            int i = predecessors[p];
            if (!_isGone[i] && IsRemainingNode(i)) change += (long)_ints[i] * (fill[p] - lost);
        }
        return (fillIn, change);
    }

    /// <summary>Whether <paramref name="node"/> is a vertex still to eliminate (not an input, an output without successors or an eliminated vertex).</summary>
    private bool IsRemainingNode(int node)
    {
        int id = VertexIdOf(node);
        return id > 0 && _isEliminable[id] && _position[id] < _remainingCount;
    }

    /// <summary>Calls <paramref name="visit"/> for every predecessor node and every successor node of <paramref name="vertexId"/>.</summary>
    public void ForEachNeighbour<TVisitor>(int vertexId, ref TVisitor visit) where TVisitor : struct, INodeVisitor
    {
        int k = NodeOf(vertexId);
        foreach (int i in PredecessorEntries(k))
        {
            if (!_isGone[i]) visit.Visit(i);
        }
        foreach (int j in SuccessorEntries(k))
        {
            if (IsLiveSuccessor(j)) visit.Visit(j);
        }
    }

    /// <summary>The vertex id of node <paramref name="node"/>, or 0 for an input.</summary>
    public int VertexIdOf(int node) => node < _inputCount ? 0 : node - _inputCount + 1;

    /// <summary>
    /// Copies of the whole observable state (live edges as sorted keys, with the ±1 ones marked negative;
    /// counts; remaining), for tests that check <see cref="Undo"/> restores it exactly.
    /// </summary>
    internal (long[] Edges, int[] Counts, int[] Remaining, long Cost, int Depth) Snapshot()
    {
        var edges = new List<long>();
        for (int j = 0; j < _nodeCount; j++)
        {
            foreach (int i in PredecessorEntries(j))
            {
                if (_isGone[i]) continue;
                long key = EdgeKey(i, j);
                edges.Add(_unitEdges?.Contains(key) == true ? -key : key);
            }
        }
        edges.Sort();
        return ([.. edges], _ints.AsSpan(0, 2 * _nodeCount).ToArray(), _remaining.AsSpan(0, _remainingCount).ToArray(), Cost, Depth);
    }

    private long EmittedStepCost(int k)
    {
        long nonUnitIn = 0;
        foreach (int i in PredecessorEntries(k))
        {
            if (!_isGone[i] && !_unitEdges!.Contains(EdgeKey(i, k))) nonUnitIn++;
        }
        int unitOut = 0;
        foreach (int j in SuccessorEntries(k))
        {
            if (IsLiveSuccessor(j) && _unitEdges!.Contains(EdgeKey(k, j))) unitOut++;
        }
        return nonUnitIn * (_ints[_nodeCount + k] - unitOut);
    }

    // On a big graph the edge set's lookups miss the cache, and the dense core its last steps play on is where
    // nearly all of them happen: starting the load of a lookup's slot a few predecessors ahead overlaps the misses.
    private const int PrefetchDistance = 4;

    private void PrefetchEdge(ReadOnlySpan<int> sources, int p, int target)
    {
        if (p < sources.Length) _edges.Prefetch(EdgeKey(sources[p], target));
    }

    private bool IsLiveSuccessor(int node) => !_isGone[node] || _isOutputNode[node];

    private ReadOnlySpan<int> PredecessorEntries(int node) => _predecessors[node].AsSpan(0, _ints[PredLength(node)]);

    private ReadOnlySpan<int> SuccessorEntries(int node) => _successors[node].AsSpan(0, _ints[SuccLength(node)]);

    private int PredLength(int node) => 2 * _nodeCount + node;

    private int SuccLength(int node) => 3 * _nodeCount + node;

    private int NodeOf(int vertexId) => _inputCount + vertexId - 1;

    // source·N + target: unique, and (unlike source << 32 | target, whose hash code is source ^ target) spread
    // over all 32 bits of long's hash code, which a hash set of millions of fill-in edges needs.
    private long EdgeKey(int source, int target) => (long)source * _nodeCount + target;
}

/// <summary>A callback over node indices, as a struct so the call inlines.</summary>
public interface INodeVisitor
{
    /// <summary>Called once per node.</summary>
    void Visit(int node);
}
