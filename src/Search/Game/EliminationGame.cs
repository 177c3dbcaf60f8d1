using System.Numerics;
using Elim.Graph;

namespace Elim.Search.Game;

/// <summary>
/// The elimination game every search method plays: the graph's adjacency as bit rows over node indices
/// (inputs first, then vertices), predecessor and successor counts kept up to date, so every remaining
/// vertex's Markowitz degree |P|·|S| is a multiplication away. <see cref="Eliminate"/> records every word
/// and count it changes on a trail, and <see cref="Undo"/> restores them exactly, so search can walk a
/// tree of orders in place. After warm-up (trail growth) no step allocates.
/// </summary>
public sealed partial class EliminationGame
{
    private readonly ComputationalGraph _graph;
    private readonly int _inputCount;
    private readonly int _nodeCount;
    private readonly int _words;            // ulong words per bit row
    private readonly bool _trackUnits;      // unit rows are kept only for the emitted cost model
    private readonly ulong[] _bits;         // rows: predecessors [0, N), successors [N, 2N), unit in-edges [2N, 3N)
    private readonly int[] _counts;         // |P(node)| at [node], |S(node)| at [N + node]
    private readonly bool[] _isOutputNode;
    private readonly int[] _remaining;      // remaining eliminable vertex ids; [0, _remainingCount) is live
    private readonly int[] _position;       // per vertex id: its index in _remaining
    private readonly bool[] _isEliminable;  // per vertex id (index 0 unused)
    private int _remainingCount;

    /// <summary>A fresh game on <paramref name="graph"/> with nothing eliminated.</summary>
    public EliminationGame(ComputationalGraph graph, CostModel costModel = CostModel.Markowitz)
    {
        _graph = graph;
        CostModel = costModel;
        _inputCount = graph.InputCount;
        _nodeCount = graph.NodeCount;
        _words = (_nodeCount + 63) >> 6;
        _trackUnits = costModel == CostModel.Emitted;
        _bits = new ulong[(_trackUnits ? 3 : 2) * _nodeCount * _words];
        _counts = new int[2 * _nodeCount];
        _isOutputNode = new bool[_nodeCount];
        foreach (var output in graph.Outputs) _isOutputNode[graph.NodeOf(output.VertexId)] = true;

        bool[]? unit = _trackUnits ? UnitPartials.Of(graph) : null;
        for (int e = 0; e < graph.Edges.Count; e++)
        {
            var edge = graph.Edges[e];
            SetBit(PredRow(edge.Target), edge.Source);
            SetBit(SuccRow(edge.Source), edge.Target);
            if (unit is not null && unit[e]) SetBit(UnitRow(edge.Target), edge.Source);
            _counts[edge.Target]++;
            _counts[_nodeCount + edge.Source]++;
        }

        _remaining = [.. graph.EliminableVertices];
        _remainingCount = _remaining.Length;
        _position = new int[graph.VertexCount + 1];
        _isEliminable = new bool[graph.VertexCount + 1];
        for (int i = 0; i < _remaining.Length; i++) { _position[_remaining[i]] = i; _isEliminable[_remaining[i]] = true; }
        EliminableCount = _remaining.Length;
        InitializeTrail();
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
    public int PredecessorCount(int vertexId) => _counts[NodeOf(vertexId)];

    /// <summary>|S(k)|: distinct successors of vertex <paramref name="vertexId"/> in the current graph.</summary>
    public int SuccessorCount(int vertexId) => _counts[_nodeCount + NodeOf(vertexId)];

    /// <summary>The Markowitz degree |P(k)|·|S(k)| of vertex <paramref name="vertexId"/> in the current graph.</summary>
    public long MarkowitzDegree(int vertexId)
    {
        int node = NodeOf(vertexId);
        return (long)_counts[node] * _counts[_nodeCount + node];
    }

    /// <summary>What eliminating <paramref name="vertexId"/> now would cost in <see cref="CostModel"/>.</summary>
    public long StepCost(int vertexId) => _trackUnits ? EmittedStepCost(NodeOf(vertexId)) : MarkowitzDegree(vertexId);

    /// <summary>The number of new edges (fill-in) that eliminating <paramref name="vertexId"/> now would create.</summary>
    public long FillIn(int vertexId)
    {
        int k = NodeOf(vertexId);
        var predK = PredRow(k);
        long fill = 0;
        var succK = SuccRow(k);
        for (int w = 0; w < _words; w++)
        {
            for (ulong word = succK[w]; word != 0; word &= word - 1)
            {
                var predJ = PredRow((w << 6) + BitOperations.TrailingZeroCount(word));
                for (int v = 0; v < _words; v++) fill += BitOperations.PopCount(predK[v] & ~predJ[v]);
            }
        }
        return fill;
    }

    /// <summary>Calls <paramref name="visit"/> for every predecessor node and every successor node of <paramref name="vertexId"/>.</summary>
    public void ForEachNeighbour<TVisitor>(int vertexId, ref TVisitor visit) where TVisitor : struct, INodeVisitor
    {
        int k = NodeOf(vertexId);
        VisitRow(PredRow(k), ref visit);
        VisitRow(SuccRow(k), ref visit);
    }

    /// <summary>The vertex id of node <paramref name="node"/>, or 0 for an input.</summary>
    public int VertexIdOf(int node) => node < _inputCount ? 0 : node - _inputCount + 1;

    private void VisitRow<TVisitor>(Span<ulong> row, ref TVisitor visit) where TVisitor : struct, INodeVisitor
    {
        for (int w = 0; w < _words; w++)
        {
            for (ulong word = row[w]; word != 0; word &= word - 1) visit.Visit((w << 6) + BitOperations.TrailingZeroCount(word));
        }
    }

    /// <summary>Copies of the whole mutable state, for tests that check <see cref="Undo"/> restores it exactly.</summary>
    internal (ulong[] Bits, int[] Counts, int[] Remaining, long Cost, int Depth) Snapshot() =>
        ([.. _bits], [.. _counts], _remaining.AsSpan(0, _remainingCount).ToArray(), Cost, Depth);

    private long EmittedStepCost(int k)
    {
        var predK = PredRow(k);
        var unitK = UnitRow(k);
        long nonUnitIn = 0;
        for (int w = 0; w < _words; w++) nonUnitIn += BitOperations.PopCount(predK[w] & ~unitK[w]);
        int unitOut = 0;
        var succK = SuccRow(k);
        for (int w = 0; w < _words; w++)
        {
            for (ulong word = succK[w]; word != 0; word &= word - 1)
            {
                if (HasBit(UnitRow((w << 6) + BitOperations.TrailingZeroCount(word)), k)) unitOut++;
            }
        }
        return nonUnitIn * (_counts[_nodeCount + k] - unitOut);
    }

    private int NodeOf(int vertexId) => _inputCount + vertexId - 1;

    private Span<ulong> PredRow(int node) => _bits.AsSpan(node * _words, _words);

    private Span<ulong> SuccRow(int node) => _bits.AsSpan((_nodeCount + node) * _words, _words);

    private Span<ulong> UnitRow(int node) => _bits.AsSpan((2 * _nodeCount + node) * _words, _words);

    private static void SetBit(Span<ulong> row, int node) => row[node >> 6] |= 1UL << (node & 63);

    private static bool HasBit(Span<ulong> row, int node) => (row[node >> 6] & (1UL << (node & 63))) != 0;
}

/// <summary>A callback over node indices, as a struct so the call inlines.</summary>
public interface INodeVisitor
{
    /// <summary>Called once per node.</summary>
    void Visit(int node);
}
