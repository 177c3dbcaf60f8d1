using Elim.Graph;
using Elim.Search.Game;
using Elim.Search.Heuristics;

namespace Elim.Search.Exact;

/// <summary>
/// The first incumbent of an exact search: the cheapest of the orders it is offered (earlier wins ties) and, on a
/// fresh start, the classical heuristics' best; it remembers where that order came from.
/// </summary>
internal sealed class WarmStart(EliminationGame game, SearchRun run)
{
    private string _source = "no order";
    private long _cost = long.MaxValue;

    /// <summary>What the search started from, for the result's notes.</summary>
    public string Note => $"exact search started from {_source}, costing {_cost}";

    /// <summary>Plays <paramref name="order"/> (a complete order of the game's graph) and keeps it if it is the cheapest so far.</summary>
    public void Offer(EliminationOrder order, string source)
    {
        game.Reset();
        foreach (int id in order.VertexIds) game.Eliminate(id);
        if (run.Offer(game.Eliminated, game.Cost)) (_source, _cost) = (source, game.Cost);
    }

    /// <summary>Plays every classical heuristic (within half the time left) and keeps their best if it is the cheapest so far.</summary>
    public void PlayHeuristics()
    {
        Portfolio.PlayAll(game, run, share: 0.5);
        if (run.BestCost < _cost) (_source, _cost) = ("the classical heuristics' best order", run.BestCost);
    }
}
