using Elim.Graph;
using Elim.Search.Exact;
using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>
/// Every standard heuristic, keeping the cheapest order (what production AD tools do); also reports the
/// connectivity lower bound. Anytime methods start from its result. Minimal Markowitz
/// (<see cref="StandardHeuristics.Guaranteed"/>) plays first and always to the end, so there is an order however short
/// the time; the plays finished so far bound every other play, which stops as soon as it costs more than it could and
/// still be kept (a play's cost only grows). A heuristic whose order and cost are known without playing
/// (<see cref="IHeuristic.PriceWithoutPlaying"/>: forward and reverse mode in the Markowitz cost model) is not played.
/// The orders are offered in the list's order once all are in, so that an earlier heuristic wins a tie whatever the
/// play order. Every other heuristic stops when the time is up and is then left out, and the note on the result names
/// what was not tried. A heuristic is not started on a graph bigger than it can play in seconds
/// (<see cref="IHeuristic.MaxEliminable"/>), and a note says so. The bound comes last: it is only a bound, and it is left
/// out on a graph too big to compute it in seconds.
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
        var heuristics = StandardHeuristics.All;
        var results = new (int[] Order, long Cost)?[heuristics.Count];
        var skipped = new List<int>();
        var tooBig = new List<IHeuristic>();
        foreach (int rank in PlayOrder(game.Graph))
        {
            var heuristic = heuristics[rank];
            bool guaranteed = heuristic == StandardHeuristics.Guaranteed;
            if (!guaranteed && game.EliminableCount > heuristic.MaxEliminable)
            {
                tooBig.Add(heuristic);
                continue;
            }
            if (!guaranteed && OutOfTime())
            {
                skipped.Add(rank);
                continue;
            }
            run.AddEvaluations(1);
            if (heuristic.PriceWithoutPlaying(game) is { } priced)
            {
                results[rank] = priced;
                continue;
            }
            // Kept only below the best so far and every earlier heuristic's cost, and at most at a later one's (ties go to
            // the earlier heuristic in the list).
            var (earlier, later) = (BestCost(results.AsSpan(0, rank)), BestCost(results.AsSpan(rank + 1)));
            bool Hopeless() => game.Cost >= Math.Min(run.BestCost, earlier) || game.Cost > later;
            game.Reset();
            bool complete = heuristic.Play(game, guaranteed ? () => false : () => Hopeless() || OutOfTime());
            if (complete) results[rank] = (game.Eliminated.ToArray(), game.Cost);
            else if (!Hopeless()) skipped.Add(rank);
        }
        foreach (var result in results)
        {
            if (result is { } kept) run.Offer(kept.Order, kept.Cost);
        }
        if (tooBig.Count > 0)
            run.Note($"the portfolio did not start {string.Join(", ", tooBig.Select(h => h.Name))}: their work grows faster than the graph, and at {game.EliminableCount:N0} eliminable vertices they would not finish in seconds (they start up to {tooBig.Min(h => h.MaxEliminable):N0})");
        if (skipped.Count > 0)
            run.Note($"the portfolio ran out of {(share < 1 ? "its share of the " : "")}time before finishing {string.Join(", ", skipped.Order().Select(rank => heuristics[rank].Name))} ({game.EliminableCount:N0} eliminable vertices)");
        if (OutOfTime()) return;
        if (game.EliminableCount > ConnectivityBound.MaxEliminable)
        {
            run.Note($"the portfolio left out the connectivity lower bound: its time grows as the square of the graph's size (it is computed up to {ConnectivityBound.MaxEliminable:N0} eliminable vertices)");
            return;
        }
        game.Reset();
        run.RaiseLowerBound(ConnectivityBound.Of(game, OutOfTime).Total);
    }

    /// <summary>
    /// The ranks of the heuristics in the order they play. Minimal Markowitz first: it always finishes, and its cost cuts
    /// the others short. Then the fixed order of the mode with fewer variables to carry (reverse when the graph has fewer
    /// dependents than independents): where the fixed orders are played (the emitted cost model), one mode can cost
    /// several times the other on a big graph, and played second it stops early. Then the rest in the list's order.
    /// </summary>
    private static IEnumerable<int> PlayOrder(ComputationalGraph graph)
    {
        var cheaperMode = graph.OutputCount < graph.InputCount ? StandardHeuristics.Reverse : StandardHeuristics.Forward;
        IHeuristic[] first = [StandardHeuristics.Guaranteed, cheaperMode];
        var all = StandardHeuristics.All;
        return Enumerable.Range(0, all.Count).OrderBy(rank => Array.IndexOf(first, all[rank]) is >= 0 and var place ? place : first.Length);
    }

    private static long BestCost(ReadOnlySpan<(int[] Order, long Cost)?> results)
    {
        long best = long.MaxValue;
        foreach (var result in results)
        {
            if (result is { } kept) best = Math.Min(best, kept.Cost);
        }
        return best;
    }
}
