using System.Numerics;

namespace Elim.Search.Game;

public sealed partial class EliminationGame
{
    // The trail: every bit-row word and every count an elimination changes, with its old value.
    private int[] _wordIndex = [];
    private ulong[] _wordOld = [];
    private int _wordTop;
    private int[] _countIndex = [];
    private int[] _countOld = [];
    private int _countTop;

    // One record per step taken: the vertex, where its trail starts, what it cost.
    private int[] _stepVertex = [];
    private int[] _stepWordMark = [];
    private int[] _stepCountMark = [];
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
        _stepWordMark[_depth] = _wordTop;
        _stepCountMark[_depth] = _countTop;
        _stepCost[_depth] = cost;
        _depth++;
        Cost += cost;

        bool keepsInEdges = _isOutputNode[k];
        var predK = PredRow(k);
        var succK = SuccRow(k);
        for (int w = 0; w < _words; w++)
        {
            for (ulong word = succK[w]; word != 0; word &= word - 1) BridgeInto((w << 6) + BitOperations.TrailingZeroCount(word), k, predK);
        }
        for (int w = 0; w < _words; w++)
        {
            for (ulong word = predK[w]; word != 0; word &= word - 1)
                BridgeFrom((w << 6) + BitOperations.TrailingZeroCount(word), k, succK, keepsInEdges);
        }
        ClearRow(_nodeCount + k);
        SetCount(_nodeCount + k, 0);
        if (!keepsInEdges)
        {
            ClearRow(k);
            if (_trackUnits) ClearRow(2 * _nodeCount + k);
            SetCount(k, 0);
        }
        RemoveFromRemaining(vertexId);
        return cost;
    }

    /// <summary>Takes back the last elimination, restoring the state exactly.</summary>
    public void Undo()
    {
        if (_depth == 0) throw new InvalidOperationException("Nothing to undo.");
        _depth--;
        int wordMark = _stepWordMark[_depth];
        while (_wordTop > wordMark) { _wordTop--; _bits[_wordIndex[_wordTop]] = _wordOld[_wordTop]; }
        int countMark = _stepCountMark[_depth];
        while (_countTop > countMark) { _countTop--; _counts[_countIndex[_countTop]] = _countOld[_countTop]; }
        Cost -= _stepCost[_depth];
        RestoreToRemaining(_stepVertex[_depth]);
    }

    /// <summary>Undoes until only the first <paramref name="depth"/> eliminations remain.</summary>
    public void UndoTo(int depth)
    {
        while (_depth > depth) Undo();
    }

    /// <summary>Undoes every elimination.</summary>
    public void Reset() => UndoTo(0);

    // Successor j of k: the edge k→j goes, j gains every predecessor of k. With units tracked, a new edge
    // i→j is unit when k→j and i→k both are; an existing edge i→j becomes a sum and stops being unit.
    private void BridgeInto(int j, int k, Span<ulong> predK)
    {
        int predRow = j * _words;
        int unitRow = (2 * _nodeCount + j) * _words;
        int unitRowK = (2 * _nodeCount + k) * _words;
        int kWord = k >> 6;
        ulong kBit = 1UL << (k & 63);
        bool unitJK = _trackUnits && (_bits[unitRow + kWord] & kBit) != 0;
        SetWord(predRow + kWord, _bits[predRow + kWord] & ~kBit);
        if (unitJK) SetWord(unitRow + kWord, _bits[unitRow + kWord] & ~kBit);
        int added = 0;
        for (int w = 0; w < _words; w++)
        {
            ulong pk = predK[w];
            if (pk == 0) continue;
            ulong old = _bits[predRow + w];
            ulong now = old | pk;
            if (now != old) { SetWord(predRow + w, now); added += BitOperations.PopCount(now ^ old); }
            if (_trackUnits)
            {
                ulong unit = _bits[unitRow + w];
                ulong next = (unit & ~pk) | (unitJK ? _bits[unitRowK + w] & ~old : 0);
                if (next != unit) SetWord(unitRow + w, next);
            }
        }
        SetCount(j, _counts[j] + added - 1);
    }

    // Predecessor i of k: i gains every successor of k, and loses k unless k keeps its in-edges.
    private void BridgeFrom(int i, int k, Span<ulong> succK, bool keepsInEdges)
    {
        int succRow = (_nodeCount + i) * _words;
        int lost = 0;
        if (!keepsInEdges)
        {
            int kWord = k >> 6;
            SetWord(succRow + kWord, _bits[succRow + kWord] & ~(1UL << (k & 63)));
            lost = 1;
        }
        int added = 0;
        for (int w = 0; w < _words; w++)
        {
            ulong sk = succK[w];
            if (sk == 0) continue;
            ulong old = _bits[succRow + w];
            ulong now = old | sk;
            if (now != old) { SetWord(succRow + w, now); added += BitOperations.PopCount(now ^ old); }
        }
        SetCount(_nodeCount + i, _counts[_nodeCount + i] + added - lost);
    }

    private void ClearRow(int row)
    {
        int start = row * _words;
        for (int w = 0; w < _words; w++)
        {
            if (_bits[start + w] != 0) SetWord(start + w, 0);
        }
    }

    private void SetWord(int index, ulong value)
    {
        if (_wordTop == _wordIndex.Length) GrowWordTrail();
        _wordIndex[_wordTop] = index;
        _wordOld[_wordTop] = _bits[index];
        _wordTop++;
        _bits[index] = value;
    }

    private void SetCount(int index, int value)
    {
        if (_countTop == _countIndex.Length)
        {
            Array.Resize(ref _countIndex, _countIndex.Length * 2);
            Array.Resize(ref _countOld, _countOld.Length * 2);
        }
        _countIndex[_countTop] = index;
        _countOld[_countTop] = _counts[index];
        _countTop++;
        _counts[index] = value;
    }

    private void GrowWordTrail()
    {
        Array.Resize(ref _wordIndex, _wordIndex.Length * 2);
        Array.Resize(ref _wordOld, _wordOld.Length * 2);
    }

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
        _stepWordMark = new int[steps];
        _stepCountMark = new int[steps];
        _stepCost = new long[steps];
        _stepRemovedAt = new int[steps];
        _wordIndex = new int[1024];
        _wordOld = new ulong[1024];
        _countIndex = new int[1024];
        _countOld = new int[1024];
    }
}
