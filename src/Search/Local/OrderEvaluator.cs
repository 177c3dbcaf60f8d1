using Elim.Search.Game;

namespace Elim.Search.Local;

/// <summary>
/// An order with its step costs, priced incrementally. The state after eliminating a set of vertices
/// does not depend on the order they went in, so a move that permutes positions lo..hi leaves every
/// step after hi exactly as expensive as before: only the segment is replayed, from the game standing
/// at depth lo. The game's steps always equal the order's first <see cref="EliminationGame.Depth"/> entries.
/// </summary>
internal sealed class OrderEvaluator
{
    private readonly EliminationGame _game;
    private readonly int[] _order;
    private readonly long[] _stepCost;
    private readonly long[] _segmentCost;
    private OrderMove _pending;
    private long _pendingTotal;

    /// <summary>An evaluator for orders of <paramref name="length"/> vertices on <paramref name="game"/>; <see cref="Load"/> one first.</summary>
    public OrderEvaluator(EliminationGame game, int length)
    {
        _game = game;
        _order = new int[length];
        _stepCost = new long[length];
        _segmentCost = new long[length];
    }

    /// <summary>The current order (do not modify).</summary>
    public ReadOnlySpan<int> Order => _order;

    /// <summary>The cost of the current order.</summary>
    public long Total { get; private set; }

    /// <summary>Eliminations and undos done (the unit of work).</summary>
    public long Steps { get; private set; }

    /// <summary>
    /// Makes <paramref name="order"/> the current order, pricing it from scratch, and returns true; returns
    /// false (and nothing is loaded) when <paramref name="outOfTime"/>, asked every few hundred steps, says to stop.
    /// </summary>
    public bool Load(ReadOnlySpan<int> order, Func<bool> outOfTime)
    {
        order.CopyTo(_order);
        Steps += _game.Depth;
        _game.Reset();
        for (int p = 0; p < _order.Length; p++)
        {
            if (p % 256 == 255 && outOfTime())
            {
                _game.Reset();
                return false;
            }
            _stepCost[p] = _game.Eliminate(_order[p]);
        }
        Steps += _order.Length;
        Total = _game.Cost;
        return true;
    }

    /// <summary>
    /// Applies <paramref name="move"/> tentatively and returns the cost of the order it makes, or
    /// <see cref="long.MaxValue"/> as soon as that is known to exceed the current cost by more than
    /// <paramref name="maxIncrease"/> (the replay stops there: a move that would create a flood of fill-in
    /// costs no more time and memory than the increase allowed); then <see cref="Accept"/> or <see cref="Reject"/>.
    /// </summary>
    public long Propose(OrderMove move, long maxIncrease = long.MaxValue)
    {
        int lo = move.FirstChanged, hi = move.LastChanged;
        StandAt(lo);
        move.Apply(_order);
        long before = 0, after = 0;
        for (int p = lo; p <= hi; p++) before += _stepCost[p];
        int replayed = 0;
        for (int p = lo; p <= hi && after - before <= maxIncrease; p++, replayed++) after += _segmentCost[p - lo] = _game.Eliminate(_order[p]);
        _game.UndoTo(lo);
        Steps += 2L * replayed;
        _pending = move;
        if (after - before > maxIncrease) return long.MaxValue;
        _pendingTotal = Total - before + after;
        return _pendingTotal;
    }

    /// <summary>Keeps the proposed move.</summary>
    public void Accept()
    {
        int lo = _pending.FirstChanged;
        Array.Copy(_segmentCost, 0, _stepCost, lo, _pending.LastChanged - lo + 1);
        Total = _pendingTotal;
    }

    /// <summary>Takes the proposed move back.</summary>
    public void Reject() => _pending.Revert(_order);

    // Walks the game to depth 'depth' along the current order (undoing or replaying).
    private void StandAt(int depth)
    {
        Steps += Math.Abs(_game.Depth - depth);
        if (_game.Depth > depth) _game.UndoTo(depth);
        while (_game.Depth < depth) _game.Eliminate(_order[_game.Depth]);
    }
}
