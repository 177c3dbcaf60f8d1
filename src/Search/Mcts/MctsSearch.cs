using Elim.Graph;
using Elim.Search.Game;
using Elim.Search.Heuristics;

namespace Elim.Search.Mcts;

/// <summary>
/// Monte-Carlo tree search over elimination orders (AlphaZero-style PUCT with an <see cref="IPrior"/>):
/// each worker plays episodes, choosing every move after a fixed number of simulations and keeping the
/// chosen subtree; every rollout is a complete order, and the cheapest seen is the answer (never worse
/// than the portfolio's, which each worker starts from). Iterations are simulations, split over workers.
/// </summary>
public sealed class MctsSearch : ISearchMethod
{
    /// <summary>The registry name.</summary>
    public const string MethodName = "mcts";

    private readonly CostModel _costModel;
    private readonly int _workers;
    private readonly IPrior _prior;
    private readonly Func<IPrior>? _priorPerWorker;

    /// <summary>A search with <paramref name="workers"/> threads sharing <paramref name="prior"/> (it must then be thread-safe).</summary>
    public MctsSearch(CostModel costModel, int workers, IPrior prior)
    {
        _costModel = costModel;
        _workers = workers;
        _prior = prior;
    }

    /// <summary>A search whose workers each get their own prior from <paramref name="priorPerWorker"/>.</summary>
    public MctsSearch(CostModel costModel, int workers, Func<IPrior> priorPerWorker)
        : this(costModel, workers, MarkowitzPrior.Instance) => _priorPerWorker = priorPerWorker;

    /// <summary>Simulations before each committed move.</summary>
    public int SimulationsPerMove { get; init; } = 128;

    /// <summary>Children kept per node: the legal moves with the highest prior logits.</summary>
    public int MaxChildren { get; init; } = 16;

    /// <summary>Nodes per tree; a full tree is cleared at the current root.</summary>
    public int TreeCapacity { get; init; } = 1 << 16;

    /// <inheritdoc />
    public string Name => MethodName;

    /// <inheritdoc />
    public SearchResult Search(ComputationalGraph graph, SearchBudget budget, int seed, IProgress<SearchProgress>? progress, CancellationToken token)
    {
        var run = new SearchRun(Name, budget, progress, token);
        Portfolio.PlayAll(new EliminationGame(graph, _costModel), run, share: 0.5);
        var best = run.Result();
        if (run.OutOfTime) return best;
        int[] start = [.. best.Order.VertexIds];
        var workers = new MctsWorker[_workers];
        Workers.Run(_workers, w =>
        {
            var tree = new SearchTree(TreeCapacity, MaxChildren);
            workers[w] = new MctsWorker(new EliminationGame(graph, _costModel), tree, _priorPerWorker?.Invoke() ?? _prior,
                start, best.Cost, Workers.Seed(seed, w), SimulationsPerMove);
            workers[w].Run(run, Workers.Share(run.IterationLimit, w, _workers));
        });
        var winner = workers.MinBy(worker => worker.BestCost)!;
        return run.ResultFor(winner.Best, winner.BestCost);
    }
}
