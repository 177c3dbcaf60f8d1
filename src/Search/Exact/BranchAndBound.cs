using Elim.Graph;
using Elim.Search.Game;
using Elim.Search.Heuristics;

namespace Elim.Search.Exact;

/// <summary>
/// Exact search: depth-first branch and bound over elimination orders, seeded with the portfolio's best
/// order as the incumbent, pruned by the admissible <see cref="GroupCutBound"/>, with a transposition
/// table keyed by the set of eliminated vertices (the graph after eliminating a set does not depend on the
/// order: edge i→j exists exactly when a path from i to j runs through eliminated vertices only).
/// Finishing proves the optimum; stopped early it still returns the best order and the root bound.
/// Its iterations are search-tree nodes.
/// </summary>
internal sealed class BranchAndBound(CostModel costModel) : ISearchMethod
{
    public const string MethodName = "exact";

    /// <summary>The solver keeps every depth's candidate list, memory that grows with the square of the size.</summary>
    public static SearchSizeLimit SizeLimit { get; } =
        new(MethodName, 2_000, "its candidate lists, one per depth, take memory that grows with the square of the size");

    public string Name => MethodName;

    public SearchResult Search(ComputationalGraph graph, SearchBudget budget, int seed, IProgress<SearchProgress>? progress, CancellationToken token)
    {
        SizeLimit.Check(graph);
        var run = new SearchRun(Name, budget, progress, token);
        var game = new EliminationGame(graph, costModel);
        Portfolio.PlayAll(game, run, share: 0.5);
        bool finished = Solve(game, run);
        return run.Result(provenOptimal: finished);
    }

    /// <summary>
    /// Searches from the start of <paramref name="game"/> into <paramref name="run"/>, until the run's budget
    /// or <paramref name="stopAt"/> (elapsed time) ends it; true when the search space was exhausted.
    /// </summary>
    public static bool Solve(EliminationGame game, SearchRun run, TimeSpan? stopAt = null)
    {
        game.Reset();
        if (run.LowerBound >= run.BestCost) return true;   // the portfolio already met a bound
        // The bound may take half the time left, so a hard graph still gets searched.
        var end = stopAt ?? TimeSpan.MaxValue;
        var boundUntil = run.Elapsed + (Min(end, run.Elapsed + run.TimeLeft) - run.Elapsed) / 2;
        var bound = GroupCutBound.Strongest(game, GroupCutBound.SearchedGroupSizes, () => run.OutOfTime || run.Elapsed >= boundUntil);
        run.RaiseLowerBound(bound.Remaining(bound.GoneMembers(game)));
        var solver = new BranchAndBoundSolver(game, run, bound, end);
        return solver.Run();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
