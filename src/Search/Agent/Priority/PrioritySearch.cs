using Elim.Graph;
using Elim.Search.Game;
using Elim.Search.Heuristics;
using Elim.Search.Local;

namespace Elim.Search.Agent.Priority;

/// <summary>
/// <c>priority</c>: the priority network's greedy order, no search (deterministic; the seed unused). When the time
/// runs out first, the vertices left are eliminated in reverse, and the result's note says so.
/// </summary>
internal sealed class PriorityGreedySearch(Func<PriorityNetwork> model, CostModel costModel) : ISearchMethod
{
    public const string MethodName = "priority";

    public string Name => MethodName;

    public SearchResult Search(ComputationalGraph graph, SearchBudget budget, int seed, IProgress<SearchProgress>? progress, CancellationToken token)
    {
        PrioritySearch.SizeLimit(Name).Check(graph);
        return new HeuristicSearch(PriorityScore.Heuristic(Name, model()), costModel).Search(graph, budget, seed, progress, token);
    }
}

/// <summary>
/// <c>priority-anneal</c>: simulated annealing warm-started by the network. The priority network's greedy order and
/// the portfolio's orders are played first (the portfolio within half of the time), and annealing improves the best
/// of them for the rest, exactly as <c>anneal</c> does from the portfolio's best alone.
/// </summary>
internal sealed class PriorityAnnealSearch(Func<PriorityNetwork> model, CostModel costModel, int workers) : ISearchMethod
{
    public const string MethodName = "priority-anneal";

    public string Name => MethodName;

    public SearchResult Search(ComputationalGraph graph, SearchBudget budget, int seed, IProgress<SearchProgress>? progress, CancellationToken token)
    {
        PrioritySearch.SizeLimit(Name).Check(graph);
        var network = model();
        var run = new SearchRun(Name, budget, progress, token);
        var game = new EliminationGame(graph, costModel);
        if (PriorityPolicy.Play(network, game, run.ReportAndCheckTime))
        {
            run.AddEvaluations(1);
            run.Offer(game.Eliminated, game.Cost);
        }
        Portfolio.PlayAll(new EliminationGame(graph, costModel), run, share: 0.5);
        return new SimulatedAnnealing(costModel, workers).Improve(graph, run, seed);
    }
}

/// <summary>What the priority methods share.</summary>
internal static class PrioritySearch
{
    /// <summary>The largest graph they take: the network's features read two steps around a vertex, like fill-in's.</summary>
    public static SearchSizeLimit SizeLimit(string method) =>
        new(method, GreedyHeuristic.ReachTwoMaxEliminable,
            "its features read the neighbours' neighbours of every vertex a step touches, which on the dense core of a big graph is most of it");
}
