using System.Diagnostics;
using Elim.Graph;
using Elim.Search.Agent.Network;
using Elim.Search.Game;

namespace Elim.Search.Agent.Inference;

/// <summary>
/// <c>alphazero-greedy</c>: the network's greedy order, one forward pass per elimination and no search.
/// Deterministic; it ignores the seed. When the time runs out first, the vertices left are eliminated in
/// reverse (descending ids) and the result's note says so.
/// </summary>
public sealed class AlphaZeroGreedySearch(Func<InferenceNetwork> model, CostModel costModel) : ISearchMethod
{
    /// <summary>The registry name.</summary>
    public const string MethodName = "alphazero-greedy";

    /// <inheritdoc />
    public string Name => MethodName;

    /// <inheritdoc />
    public SearchResult Search(ComputationalGraph graph, SearchBudget budget, int seed, IProgress<SearchProgress>? progress, CancellationToken token)
    {
        AgentMethods.SizeLimit(Name).Check(graph);
        var network = model();   // the first call reads the model file: not part of the search
        var clock = Stopwatch.StartNew();
        var game = new EliminationGame(graph, costModel);
        GreedyPolicy.PlayOut(network, game, () => clock.Elapsed >= budget.Time || token.IsCancellationRequested);
        string[] notes = [];
        if (!game.IsComplete)
        {
            notes = [$"{Name} ran out of time after {game.Depth:N0} of {game.EliminableCount:N0} eliminations; the remaining vertices were eliminated in reverse order"];
            game.FinishInIdOrder(descending: true);
        }
        long cost = game.Cost;
        var result = new SearchResult(new EliminationOrder(game.Eliminated.ToArray()), cost, 0, Name, false, clock.Elapsed, game.Depth) { Notes = notes };
        progress?.Report(new SearchProgress(Name, cost, 0, clock.Elapsed, game.Depth));
        return result;
    }
}
