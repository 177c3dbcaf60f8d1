using System.Runtime.CompilerServices;

namespace Elim.Search.Game;

public sealed partial class EliminationGame
{
    // The trail: the counts and list lengths an elimination changes around the vertex itself, with their old
    // values; every edge it makes (which also undoes the counts and list entries a new edge adds); every edge it
    // removes; every ±1 mark it sets or clears. The small helpers that keep them are marked for inlining into the
    // step loops: their calls stood out in a profile of annealing.
    private int[] _intIndex = [];
    private int[] _intOld = [];
    private int _intTop;
    private long[] _madeEdge = [];
    private int _madeTop;
    private long[] _removedEdge = [];
    private int _removedTop;
    private long[] _unitChange = [];            // the edge key, bitwise complemented when the step cleared its mark
    private int _unitTop;

    // One record per step taken: the vertex, where its trail starts, what it cost.
    private int[] _stepVertex = [];
    private int[] _stepIntMark = [];
    private int[] _stepEdgeMark = [];
    private int[] _stepRemovedMark = [];
    private int[] _stepUnitMark = [];
    private long[] _stepCost = [];
    private int[] _stepRemovedAt = [];      // where the vertex stood in _remaining
    private int _depth;

    /// <summary>Number of eliminations done (and not undone).</summary>
    public int Depth => _depth;

    /// <summary>The total cost of the eliminations done so far.</summary>
    public long Cost { get; private set; }

    /// <summary>The vertex eliminated at step <paramref name="step"/> (0-based, below <see cref="Depth"/>).</summary>
    public int VertexAt(int step) => _stepVertex[step];

    /// <summary>The eliminations done so far, in order.</summary>
    public ReadOnlySpan<int> Eliminated => _stepVertex.AsSpan(0, _depth);

    /// <summary>
    /// Eliminates <paramref name="vertexId"/>: for every predecessor i and successor j, the edge i→j is
    /// created if absent (fill-in), the edges of k go, and an output keeps its in-edges. Returns the step's
    /// cost in <see cref="CostModel"/>.
    /// </summary>
    public long Eliminate(int vertexId)
    {
        if (vertexId < 1 || vertexId > _graph.VertexCount || !_isEliminable[vertexId] || _position[vertexId] >= _remainingCount)
            throw new InvalidOperationException($"Vertex {vertexId} cannot be eliminated now (not eliminable, or already eliminated).");
        int k = NodeOf(vertexId);
        long cost = StepCost(vertexId);
        _stepVertex[_depth] = vertexId;
        _stepIntMark[_depth] = _intTop;
        _stepEdgeMark[_depth] = _madeTop;
        _stepRemovedMark[_depth] = _removedTop;
        _stepUnitMark[_depth] = _unitTop;
        _stepCost[_depth] = cost;
        _depth++;
        Cost += cost;

        // Entries appended below are live successors of k's predecessors, never of k itself, so the spans stay valid.
        var predecessors = PredecessorEntries(k);
        foreach (int j in SuccessorEntries(k))
        {
            if (!IsLiveSuccessor(j)) continue;
            BridgeInto(j, k, predecessors);
            RemoveEdge(EdgeKey(k, j));
        }
        bool keepsInEdges = _isOutputNode[k];
        if (!keepsInEdges)
        {
            foreach (int i in predecessors)
            {
                if (_isGone[i]) continue;
                SetInt(_nodeCount + i, _ints[_nodeCount + i] - 1);
                RemoveEdge(EdgeKey(i, k));
            }
            SetInt(k, 0);
            SetInt(PredLength(k), 0);
        }
        SetInt(_nodeCount + k, 0);
        SetInt(SuccLength(k), 0);
        _isGone[k] = true;
        RemoveFromRemaining(vertexId);
        return cost;
    }

    /// <summary>Takes back the last elimination, restoring the state exactly.</summary>
    public void Undo()
    {
        if (_depth == 0) throw new InvalidOperationException("Nothing to undo.");
        _depth--;
        // The counts first: a made edge's own changes came before the step's last change to those counts.
        int intMark = _stepIntMark[_depth];
        while (_intTop > intMark) { _intTop--; _ints[_intIndex[_intTop]] = _intOld[_intTop]; }
        int edgeMark = _stepEdgeMark[_depth];
        while (_madeTop > edgeMark) Unmake(_madeEdge[--_madeTop]);
        int removedMark = _stepRemovedMark[_depth];
        while (_removedTop > removedMark) _edges.Add(_removedEdge[--_removedTop]);
        int unitMark = _stepUnitMark[_depth];
        while (_unitTop > unitMark)
        {
            long change = _unitChange[--_unitTop];
            if (change >= 0) _unitEdges!.Remove(change);
            else _unitEdges!.Add(~change);
        }
        Cost -= _stepCost[_depth];
        int vertexId = _stepVertex[_depth];
        _isGone[NodeOf(vertexId)] = false;
        RestoreToRemaining(vertexId);
    }

    /// <summary>Undoes until only the first <paramref name="depth"/> eliminations remain.</summary>
    public void UndoTo(int depth)
    {
        while (_depth > depth) Undo();
    }

    /// <summary>
    /// Undoes every elimination: step by step while the trail is shorter than the graph, else by loading the start
    /// again, which costs the graph instead of a hash update per edge made or removed (undoing reverse mode on a
    /// 46,000-vertex graph took 1.1 s).
    /// </summary>
    public void Reset()
    {
        if (_intTop + _madeTop + _removedTop + _unitTop <= _nodeCount + _graph.Edges.Count) UndoTo(0);
        else LoadStart();
    }

    /// <summary>
    /// Eliminates every remaining vertex in ascending id order (forward mode), or descending (reverse mode):
    /// one pass, so it is also how a search completes an order when its time runs out.
    /// </summary>
    public void FinishInIdOrder(bool descending)
    {
        var ids = _graph.EliminableVertices;
        for (int i = 0; i < ids.Count; i++)
        {
            int id = ids[descending ? ids.Count - 1 - i : i];
            if (!IsEliminated(id)) Eliminate(id);
        }
    }

    // Successor j of k: the edge k→j goes (k's entry in j's list dies with k), j gains every predecessor i
    // of k. With units tracked, a new edge i→j is unit when k→j and i→k both are; an existing edge i→j
    // becomes a sum and stops being unit.
    private void BridgeInto(int j, int k, ReadOnlySpan<int> predecessorsOfK)
    {
        bool unitJK = _unitEdges?.Contains(EdgeKey(k, j)) == true;
        int added = 0;
        for (int p = 0; p < predecessorsOfK.Length; p++)
        {
            int i = predecessorsOfK[p];
            PrefetchEdge(predecessorsOfK, p + PrefetchDistance, j);
            if (_isGone[i]) continue;
            long key = EdgeKey(i, j);
            if (_edges.Add(key))
            {
                Record(ref _madeEdge, ref _madeTop, key);
                Append(_predecessors, j, PredLength(j), i);
                Append(_successors, i, SuccLength(i), j);
                _ints[_nodeCount + i]++;
                added++;
                if (unitJK && _unitEdges!.Contains(EdgeKey(i, k)))
                {
                    _unitEdges.Add(key);
                    Record(ref _unitChange, ref _unitTop, key);
                }
            }
            else if (_unitEdges?.Remove(key) == true) Record(ref _unitChange, ref _unitTop, ~key);
        }
        SetInt(j, _ints[j] + added - 1);
    }

    // Not on the int trail: Unmake takes the entry back.
    private void Append(int[][] lists, int node, int lengthIndex, int entry)
    {
        int length = _ints[lengthIndex];
        if (length == lists[node].Length) Array.Resize(ref lists[node], Math.Max(4, 2 * length));
        lists[node][length] = entry;
        _ints[lengthIndex] = length + 1;
    }

    // Takes back a made edge i→j: it leaves the set, the last entries of j's predecessors and i's successors, and |S(i)|.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Unmake(long key)
    {
        _edges.Remove(key);
        int i = (int)(key / _nodeCount), j = (int)(key % _nodeCount);
        _ints[PredLength(j)]--;
        _ints[SuccLength(i)]--;
        _ints[_nodeCount + i]--;
    }

    // An edge of the vertex eliminated leaves the set, so that the set holds only live edges and stays small.
    private void RemoveEdge(long key)
    {
        if (_edges.Remove(key)) Record(ref _removedEdge, ref _removedTop, key);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetInt(int index, int value)
    {
        if (_intTop == _intIndex.Length)
        {
            Array.Resize(ref _intIndex, _intIndex.Length * 2);
            Array.Resize(ref _intOld, _intOld.Length * 2);
        }
        _intIndex[_intTop] = index;
        _intOld[_intTop] = _ints[index];
        _intTop++;
        _ints[index] = value;
    }

    private static void Record(ref long[] trail, ref int top, long entry)
    {
        if (top == trail.Length) Array.Resize(ref trail, trail.Length * 2);
        trail[top++] = entry;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RemoveFromRemaining(int vertexId)
    {
        int at = _position[vertexId];
        _stepRemovedAt[_depth - 1] = at;
        int last = _remaining[--_remainingCount];
        _remaining[at] = last;
        _position[last] = at;
        _remaining[_remainingCount] = vertexId;
        _position[vertexId] = _remainingCount;
    }

    // Exactly reverses RemoveFromRemaining when undone in last-in, first-out order.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RestoreToRemaining(int vertexId)
    {
        int slot = _position[vertexId];
        int at = _stepRemovedAt[_depth];
        int moved = _remaining[at];
        _remaining[slot] = moved;
        _position[moved] = slot;
        _remaining[at] = vertexId;
        _position[vertexId] = at;
        _remainingCount++;
    }

    private void InitializeTrail()
    {
        int steps = EliminableCount + 1;
        _stepVertex = new int[steps];
        _stepIntMark = new int[steps];
        _stepEdgeMark = new int[steps];
        _stepRemovedMark = new int[steps];
        _stepUnitMark = new int[steps];
        _stepCost = new long[steps];
        _stepRemovedAt = new int[steps];
        _intIndex = new int[1024];
        _intOld = new int[1024];
        _madeEdge = new long[1024];
        _removedEdge = new long[1024];
        _unitChange = new long[1024];
    }

    private void ClearTrail()
    {
        _intTop = _madeTop = _removedTop = _unitTop = _depth = 0;
        Cost = 0;
    }
}
