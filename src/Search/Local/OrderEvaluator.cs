using Elim.Search.Game;

namespace Elim.Search.Local;

/// <summary>
/// Prices a whole order on one game, incrementally: it remembers how many leading steps of the game
/// still agree with the order, so re-pricing after a change at position p undoes back to p and replays
/// only from there.
/// </summary>
internal sealed class OrderEvaluator
{
    private readonly EliminationGame _game;
    private int _valid;     // the game's first _valid steps equal the order's first _valid entries

    public OrderEvaluator(EliminationGame game)
    {
        _game = game;
        _game.Reset();
    }

    public EliminationGame Game => _game;

    /// <summary>Eliminations replayed so far (the unit of work of local search).</summary>
    public long Replayed { get; private set; }

    /// <summary>The cost of <paramref name="order"/>, whose entries before <paramref name="firstChanged"/> are unchanged since the last call.</summary>
    public long Evaluate(ReadOnlySpan<int> order, int firstChanged)
    {
        _game.UndoTo(Math.Min(_valid, firstChanged));
        Replayed += order.Length - _game.Depth;
        for (int step = _game.Depth; step < order.Length; step++) _game.Eliminate(order[step]);
        _valid = order.Length;
        return _game.Cost;
    }

    /// <summary>Tells the evaluator that entries from <paramref name="position"/> on changed without being priced (a rejected move was reverted).</summary>
    public void Invalidate(int position) => _valid = Math.Min(_valid, position);
}
