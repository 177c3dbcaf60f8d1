using Elim.Graph;
using Elim.Search.Exact;
using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>
/// Every standard heuristic, keeping the cheapest order (what production AD tools do); also reports the
/// connectivity lower bound. Anytime methods start from its result. Minimal Markowitz
/// (<see cref="StandardHeuristics.Guaranteed"/>) plays first and always to the end, so there is an order however short
/// the time; its cost bounds every other play, which stops as soon as it costs more than it could and still be kept (a
/// play's cost only grows; forward and reverse fill in for minutes on some big graphs). The orders are offered in the
/// list's order, so that an earlier heuristic wins a tie. Every other heuristic stops when the time is up and is then
/// left out, and the note on the result names what was not tried. A heuristic is not started on a graph bigger than it
/// can play in seconds (<see cref="IHeuristic.MaxEliminable"/>), and a note says so. The bound comes last: it is only a
/// bound, and it is left out on a graph too big to compute it in seconds.
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
    /// Plays every heuristic on <paramref name="game"/> (from its start) into <paramref name="run"/>, within
    /// <paramref name="share"/> of the time left, so that a method that improves on the portfolio's order still
    /// has time for it on a big graph. The game is left where the last play stopped: undoing a big graph's
    /// eliminations takes time that a search out of time does not have, so a caller that goes on resets it.
    /// </summary>
    public static void PlayAll(EliminationGame game, SearchRun run, double share = 1)
    {
        var stopAt = run.Elapsed + run.TimeLeft * share;
        bool OutOfTime() => run.ReportAndCheckTime() || run.Elapsed >= stopAt;
        game.Reset();
        StandardHeuristics.Guaranteed.Play(game, () => false);
        var (guaranteedOrder, guaranteedCost) = (game.Eliminated.ToArray(), game.Cost);
        var skipped = new List<string>();
        var tooBig = new List<IHeuristic>();
        bool beforeGuaranteed = true;
        // A play is kept only below the best so far, and (offered before minimal Markowitz's) at most at its cost.
        bool Hopeless() => game.Cost >= run.BestCost || (beforeGuaranteed && game.Cost > guaranteedCost);
        foreach (var heuristic in StandardHeuristics.All)
        {
            if (heuristic == StandardHeuristics.Guaranteed)
            {
                beforeGuaranteed = false;
                run.AddEvaluations(1);
                run.Offer(guaranteedOrder, guaranteedCost);
                continue;
            }
            if (game.EliminableCount > heuristic.MaxEliminable)
            {
                tooBig.Add(heuristic);
                continue;
            }
            if (OutOfTime())
            {
                skipped.Add(heuristic.Name);
                continue;
            }
            game.Reset();
            bool complete = heuristic.Play(game, () => Hopeless() || OutOfTime());
            run.AddEvaluations(1);
            if (complete) run.Offer(game.Eliminated, game.Cost);
            else if (!Hopeless()) skipped.Add(heuristic.Name);
        }
        if (tooBig.Count > 0)
            run.Note($"the portfolio did not start {string.Join(", ", tooBig.Select(h => h.Name))}: their work grows faster than the graph, and at {game.EliminableCount:N0} eliminable vertices they would not finish in seconds (they start up to {tooBig.Min(h => h.MaxEliminable):N0})");
        if (skipped.Count > 0)
            run.Note($"the portfolio ran out of {(share < 1 ? "its share of the " : "")}time before finishing {string.Join(", ", skipped)} ({game.EliminableCount:N0} eliminable vertices)");
        if (OutOfTime()) return;
        if (game.EliminableCount > ConnectivityBound.MaxEliminable)
        {
            run.Note($"the portfolio left out the connectivity lower bound: its time grows as the square of the graph's size (it is computed up to {ConnectivityBound.MaxEliminable:N0} eliminable vertices)");
            return;
        }
        game.Reset();
        run.RaiseLowerBound(ConnectivityBound.Of(game, OutOfTime).Total);
    }
}
