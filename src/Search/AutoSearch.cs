using Elim.Graph;
using Elim.Search.Exact;
using Elim.Search.Game;
using Elim.Search.Heuristics;
using Elim.Search.Local;

namespace Elim.Search;

/// <summary>
/// The default method: the portfolio first; then exact search when the graph is small enough to finish
/// (given half the time left; a proven optimum ends the search); then simulated annealing on every core for the rest of the budget,
/// starting from the best order so far. The lower bound comes from the exact search's bound.
/// </summary>
internal sealed class AutoSearch(CostModel costModel, int workers) : ISearchMethod
{
    public const string MethodName = "auto";

    /// <summary>Graphs with at most this many eliminable vertices get an exact attempt first.</summary>
    private const int ExactAttemptSize = 24;

    public string Name => MethodName;

    public SearchResult Search(ComputationalGraph graph, SearchBudget budget, int seed, IProgress<SearchProgress>? progress, CancellationToken token)
    {
        var run = new SearchRun(Name, budget, progress, token);
        var game = new EliminationGame(graph, costModel);
        Portfolio.PlayAll(game, run, share: 0.5);
        if (game.EliminableCount <= ExactAttemptSize && BranchAndBound.Solve(game, run, stopAt: run.Elapsed + run.TimeLeft / 2))
            return run.Result(provenOptimal: true);
        return new SimulatedAnnealing(costModel, workers).Improve(graph, run, seed);
    }
}
