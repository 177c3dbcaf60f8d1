using Elim.Graph;
using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>
/// A single heuristic as a search method: one deterministic play, the seed unused. When time runs out first,
/// the vertices left are eliminated in reverse (descending ids), and the result's note says so.
/// </summary>
internal sealed class HeuristicSearch(IHeuristic heuristic, CostModel costModel) : ISearchMethod
{
    public string Name => heuristic.Name;

    public SearchResult Search(ComputationalGraph graph, SearchBudget budget, int seed, IProgress<SearchProgress>? progress, CancellationToken token)
    {
        var run = new SearchRun(Name, budget, progress, token);
        var game = new EliminationGame(graph, costModel);
        if (!heuristic.Play(game, run.ReportAndCheckTime))
        {
            run.Note($"{Name} ran out of time after {game.Depth:N0} of {game.EliminableCount:N0} eliminations; the remaining vertices were eliminated in reverse order");
            game.FinishInIdOrder(descending: true);
        }
        run.AddEvaluations(1);
        run.Offer(game.Eliminated, game.Cost);
        return run.Result();
    }
}
