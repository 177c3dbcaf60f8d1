using Elim.Graph;
using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>A single heuristic as a search method: one deterministic play, the seed and budget unused.</summary>
internal sealed class HeuristicSearch(IHeuristic heuristic, CostModel costModel) : ISearchMethod
{
    public string Name => heuristic.Name;

    public SearchResult Search(ComputationalGraph graph, SearchBudget budget, int seed, IProgress<SearchProgress>? progress, CancellationToken token)
    {
        var run = new SearchRun(Name, budget, progress, token);
        var game = new EliminationGame(graph, costModel);
        heuristic.Play(game);
        run.AddEvaluations(1);
        run.Offer(game.Eliminated, game.Cost);
        return run.Result();
    }
}
