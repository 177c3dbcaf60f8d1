using Elim.Graph;
using Elim.Search.Game;

namespace Elim.Search.Exact;

/// <summary>
/// Exact search: depth-first branch and bound over elimination orders, pruned by the admissible
/// <see cref="GroupCutBound"/>, with a transposition table keyed by the set of eliminated vertices (the graph after
/// eliminating a set does not depend on the order: edge i→j exists exactly when a path from i to j runs through
/// eliminated vertices only). It starts from the cheapest order it is given or the classical heuristics find
/// (<see cref="WarmStart"/>), so pruning is strong from the first node. Finishing proves the optimum; stopped early it
/// returns the best order, a lower bound on everything it has not explored, and a checkpoint to continue from.
/// Its iterations are search-tree nodes.
/// </summary>
public sealed class BranchAndBound(CostModel costModel) : ISearchMethod
{
    /// <summary>The method's registry name.</summary>
    public const string MethodName = "exact";

    /// <summary>The solver keeps every depth's candidate list, memory that grows with the square of the size.</summary>
    public static SearchSizeLimit SizeLimit { get; } =
        new(MethodName, 2_000, "its candidate lists, one per depth, take memory that grows with the square of the size");

    /// <inheritdoc />
    public string Name => MethodName;

    /// <inheritdoc />
    public SearchResult Search(ComputationalGraph graph, SearchBudget budget, int seed, IProgress<SearchProgress>? progress, CancellationToken token) =>
        Search(graph, budget, ExactStart.Fresh, progress, token).Result;

    /// <summary>
    /// Searches <paramref name="graph"/> within <paramref name="budget"/>, starting from <paramref name="start"/>: the
    /// checkpoint of an earlier run to continue (its order wins ties; the heuristics are not played again, its order is
    /// at least as cheap), and an order to beat. The result's notes name the order the search started from.
    /// </summary>
    /// <exception cref="InvalidCheckpointException">The checkpoint was written for another graph or cost model, or is damaged.</exception>
    /// <exception cref="InvalidOrderException">The given order is not a complete order of <paramref name="graph"/>.</exception>
    public ExactOutcome Search(ComputationalGraph graph, SearchBudget budget, ExactStart start, IProgress<SearchProgress>? progress, CancellationToken token)
    {
        SizeLimit.Check(graph);
        var resume = start.Resume;
        resume?.CheckFits(graph, costModel);
        start.Incumbent?.Validate(graph);
        var run = new SearchRun(Name, budget, progress, token, unit: "nodes");
        var game = new EliminationGame(graph, costModel);
        var warmStart = new WarmStart(game, run, token);
        if (resume is not null)
        {
            run.Note($"resumed a search of {resume.Runs} run(s), {resume.Nodes:N0} nodes and {resume.Elapsed.TotalSeconds:F1} s so far");
            run.RaiseLowerBound(resume.LowerBound);
            warmStart.Offer(resume.Incumbent, "the checkpoint's best order");
        }
        if (start.Incumbent is { } given) warmStart.Offer(given, start.IncumbentSource ?? "the given order");
        if (resume is null)
        {
            warmStart.PlayHeuristics();
            warmStart.Anneal();
        }
        run.Note(warmStart.Note);
        var position = resume is { Finished: true } ? Position.Exhausted : Solve(game, run, resume, stopAt: null);
        var result = run.Result(provenOptimal: position.Finished);
        if (result.ProvenOptimal) position = Position.Exhausted;
        return new ExactOutcome(result, new ExactCheckpoint(graph.Name, GraphHash.Content(graph), costModel, position.Finished,
            position.Path, position.BoundGroups, position.Transpositions, result.Order, result.Cost, result.LowerBound,
            (resume?.Nodes ?? 0) + result.Evaluations, (resume?.Elapsed ?? TimeSpan.Zero) + result.Elapsed, (resume?.Runs ?? 0) + 1));
    }

    /// <summary>
    /// Searches from the start of <paramref name="game"/> into <paramref name="run"/>, until the run's budget
    /// or <paramref name="stopAt"/> (elapsed time) ends it; true when the search space was exhausted.
    /// </summary>
    internal static bool Solve(EliminationGame game, SearchRun run, TimeSpan? stopAt = null) => Solve(game, run, null, stopAt).Finished;

    private static Position Solve(EliminationGame game, SearchRun run, ExactCheckpoint? resume, TimeSpan? stopAt)
    {
        game.Reset();
        if (run.LowerBound >= run.BestCost) return Position.Exhausted;   // the incumbent already met a bound
        var end = stopAt ?? TimeSpan.MaxValue;
        var bound = resume?.BoundGroups is { } saved ? GroupCutBound.FromGroups(game, saved) : StrongestBound(game, run, end);
        run.RaiseLowerBound(bound.Remaining(bound.GoneMembers(game)));
        // Groups cut short by the end of the run are weak; a later run searches for its own.
        IReadOnlyList<int[]>? groups = run.OutOfTime ? resume?.BoundGroups : [.. bound.Groups.Select(g => g.Members).Where(m => m.Length > 0)];
        var solver = new BranchAndBoundSolver(game, run, bound, end, resume);
        bool finished = solver.Run();
        return finished ? Position.Exhausted : new Position(false, solver.Position(), groups, solver.Transpositions);
    }

    /// <summary>
    /// How often the bound's groups are shaken out of their local optimum at most under a time budget (fewer when the
    /// bound's time is up or it meets the best order's cost): RoeFlux_1d's bound reaches its optimum, 295, at the third, g's
    /// 391 at the second. An iteration budget asks for a set amount of work, and kicks are open-ended, so it gets none.
    /// </summary>
    private const int BoundKicks = 60;

    // The bound may take half the time left, so a hard graph still gets searched.
    private static GroupCutBound StrongestBound(EliminationGame game, SearchRun run, TimeSpan end)
    {
        var boundUntil = run.Elapsed + (Min(end, run.Elapsed + run.TimeLeft) - run.Elapsed) / 2;
        return GroupCutBound.Strongest(game, GroupCutBound.SearchedGroupSizes, () => run.ReportAndCheckTime() || run.Elapsed >= boundUntil,
            run.IterationLimit is null ? BoundKicks : 0, run.BestCost, run.RaiseLowerBound);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Where a walk ended: done, or the path to the next node and the bound's groups to resume with.</summary>
    private sealed record Position(bool Finished, IReadOnlyList<PathStep> Path, IReadOnlyList<int[]>? BoundGroups,
        IReadOnlyDictionary<UInt128, long>? Transpositions)
    {
        public static Position Exhausted { get; } = new(true, [], null, null);
    }
}
