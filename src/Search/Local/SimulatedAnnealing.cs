using Elim.Graph;
using Elim.Search.Game;
using Elim.Search.Heuristics;

namespace Elim.Search.Local;

/// <summary>
/// Simulated annealing over elimination orders: swap, insert and segment-reversal moves priced
/// incrementally with undo, geometric cooling in epochs, each epoch restarting from the worker's best.
/// One independent chain per core with derived seeds, all starting from the portfolio's best order, so
/// the result is never worse than it. Iterations are moves tried (split over the chains).
/// </summary>
internal sealed class SimulatedAnnealing(CostModel costModel, int workers, AnnealingSchedule? schedule = null) : ISearchMethod
{
    public const string MethodName = "anneal";

    public string Name => MethodName;

    public SearchResult Search(ComputationalGraph graph, SearchBudget budget, int seed, IProgress<SearchProgress>? progress, CancellationToken token)
    {
        var run = new SearchRun(Name, budget, progress, token);
        Portfolio.PlayAll(new EliminationGame(graph, costModel), run, share: 0.5);
        return Improve(graph, run, seed);
    }

    /// <summary>Anneals from <paramref name="run"/>'s best order for the rest of its budget.</summary>
    public SearchResult Improve(ComputationalGraph graph, SearchRun run, int seed)
    {
        var best = run.Result();
        if (run.OutOfTime) return best;
        int[] start = [.. best.Order.VertexIds];
        var chains = new AnnealingChain[workers];
        Workers.Run(workers, w =>
        {
            chains[w] = new AnnealingChain(new EliminationGame(graph, costModel), start, best.Cost, Workers.Seed(seed, w), schedule ?? AnnealingSchedule.Default);
            chains[w].Run(run, Workers.Share(run.IterationLimit, w, workers));
        });
        var winner = chains.MinBy(c => c.BestCost)!;   // MinBy keeps the first of equals: the lowest worker
        return run.ResultFor(winner.Best, winner.BestCost);
    }
}
