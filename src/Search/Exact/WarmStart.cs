using Elim.Graph;
using Elim.Search.Game;
using Elim.Search.Heuristics;
using Elim.Search.Local;

namespace Elim.Search.Exact;

/// <summary>
/// The first incumbent of an exact search: the cheapest of the orders it is offered (earlier wins ties) and, on a
/// fresh start, the classical heuristics' best and a short annealing run from it; it remembers where that order came from.
/// </summary>
internal sealed class WarmStart(EliminationGame game, SearchRun run, CancellationToken token)
{
    /// <summary>Annealing moves per eliminable vertex: enough for the best known orders of the paper's scalar tasks, in about a second each.</summary>
    public const int AnnealingMovesPerVertex = 3_000;

    /// <summary>The annealing run's seed: a fixed one, so an exact search with an iteration budget stays repeatable.</summary>
    private const int AnnealingSeed = 1;

    private static readonly TimeSpan MaxAnnealingTime = TimeSpan.FromSeconds(10);

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

    /// <summary>
    /// Anneals from the best order so far, <see cref="AnnealingMovesPerVertex"/> moves per vertex within a tenth of
    /// the time left (at most 10 s), unless that order already meets the lower bound; keeps the result if it is cheaper.
    /// </summary>
    public void Anneal()
    {
        if (run.OutOfTime || run.BestCost == long.MaxValue || run.LowerBound >= run.BestCost) return;
        var time = run.TimeLeft / 10 < MaxAnnealingTime ? run.TimeLeft / 10 : MaxAnnealingTime;
        var annealing = new SearchRun(SimulatedAnnealing.MethodName, new SearchBudget(time, (long)AnnealingMovesPerVertex * game.EliminableCount), null, token);
        annealing.RaiseLowerBound(run.LowerBound);
        var best = run.Result().Order;
        annealing.Offer([.. best.VertexIds], run.BestCost);
        // The note keeps the order annealing started from: that a stored or given order was used is what a user checks.
        Offer(new SimulatedAnnealing(game.CostModel, workers: 1).Improve(game.Graph, annealing, AnnealingSeed).Order,
            $"a short annealing run from {_source} ({_cost})");
    }
}
