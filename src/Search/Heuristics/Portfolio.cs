using Elim.Graph;
using Elim.Search.Exact;
using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>
/// Every standard heuristic, keeping the cheapest order (what production AD tools do); also reports the
/// connectivity lower bound. Anytime methods start from its result.
/// </summary>
internal sealed class Portfolio(CostModel costModel) : ISearchMethod
{
    public const string MethodName = "portfolio";

    public string Name => MethodName;

    public SearchResult Search(ComputationalGraph graph, SearchBudget budget, int seed, IProgress<SearchProgress>? progress, CancellationToken token)
    {
        var run = new SearchRun(Name, budget, progress, token);
        PlayAll(new EliminationGame(graph, costModel), run);
        return run.Result();
    }

    /// <summary>Plays every heuristic on <paramref name="game"/> (from its start; it is reset afterwards) into <paramref name="run"/>.</summary>
    public static void PlayAll(EliminationGame game, SearchRun run)
    {
        run.RaiseLowerBound(ConnectivityBound.Of(game).Total);
        foreach (var heuristic in StandardHeuristics.All)
        {
            game.Reset();
            heuristic.Play(game);
            run.AddEvaluations(1);
            run.Offer(game.Eliminated, game.Cost);
            if (run.OutOfTime && run.BestCost < long.MaxValue) break;
        }
        game.Reset();
    }
}
