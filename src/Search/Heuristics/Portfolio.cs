using Elim.Graph;
using Elim.Search.Exact;
using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>
/// Every standard heuristic, keeping the cheapest order (what production AD tools do); also reports the
/// connectivity lower bound. Anytime methods start from its result. Forward and reverse come first and
/// always finish, so there is an order however short the time; a heuristic that time cuts short is left
/// out, and the note on the result names what was not tried. The bound comes last: it is only a bound.
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

    /// <summary>
    /// Plays every heuristic on <paramref name="game"/> (from its start; it is reset afterwards) into
    /// <paramref name="run"/>, within <paramref name="share"/> of the time left, so that a method that
    /// improves on the portfolio's order still has time for it on a big graph.
    /// </summary>
    public static void PlayAll(EliminationGame game, SearchRun run, double share = 1)
    {
        var stopAt = run.Elapsed + run.TimeLeft * share;
        bool OutOfTime() => run.ReportAndCheckTime() || run.Elapsed >= stopAt;
        var heuristics = StandardHeuristics.All;
        for (int h = 0; h < heuristics.Count; h++)
        {
            game.Reset();
            bool complete = heuristics[h].Play(game, OutOfTime);
            run.AddEvaluations(1);
            if (complete) run.Offer(game.Eliminated, game.Cost);
            if (!OutOfTime()) continue;
            string skipped = string.Join(", ", heuristics.Skip(complete ? h + 1 : h).Select(s => s.Name));
            if (skipped.Length > 0) run.Note($"the portfolio ran out of {(share < 1 ? "its share of the " : "")}time before finishing {skipped} ({game.EliminableCount:N0} eliminable vertices)");
            break;
        }
        game.Reset();
        if (!OutOfTime()) run.RaiseLowerBound(ConnectivityBound.Of(game, OutOfTime).Total);
    }
}
