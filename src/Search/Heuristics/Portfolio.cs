using Elim.Graph;
using Elim.Search.Exact;
using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>
/// Every standard heuristic, keeping the cheapest order (what production AD tools do); also reports the
/// connectivity lower bound. Anytime methods start from its result. Heuristics play in the list's order
/// (earlier wins ties); minimal Markowitz (<see cref="StandardHeuristics.Guaranteed"/>) always plays to the
/// end, so there is an order however short the time; every other heuristic stops when the time is up and is
/// then left out, and the note on the result names what was not tried. A heuristic is not started on a graph
/// bigger than it can play in seconds (<see cref="IHeuristic.MaxEliminable"/>), and a note says so. The bound
/// comes last: it is only a bound, and it is left out on a graph too big to compute it in seconds.
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
        var skipped = new List<string>();
        var tooBig = new List<IHeuristic>();
        bool guaranteedPlayed = false;
        foreach (var heuristic in StandardHeuristics.All)
        {
            bool guaranteed = heuristic == StandardHeuristics.Guaranteed;
            if (!guaranteed && game.EliminableCount > heuristic.MaxEliminable)
            {
                tooBig.Add(heuristic);
                continue;
            }
            if (!guaranteed && OutOfTime())
            {
                skipped.Add(heuristic.Name);
                continue;
            }
            // Those before the guaranteed one (forward, reverse) can fill in for minutes on a dense graph: each may
            // take a quarter of the time left, so that the guaranteed one still comes in time.
            var deadline = guaranteedPlayed ? stopAt : run.Elapsed + (stopAt - run.Elapsed) / 4;
            game.Reset();
            bool complete = heuristic.Play(game, guaranteed ? () => false : () => OutOfTime() || run.Elapsed >= deadline);
            guaranteedPlayed |= guaranteed;
            run.AddEvaluations(1);
            if (complete) run.Offer(game.Eliminated, game.Cost);
            else skipped.Add(heuristic.Name);
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
