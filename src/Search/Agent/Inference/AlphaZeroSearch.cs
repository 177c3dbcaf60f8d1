using Elim.Graph;
using Elim.Search.Agent.Network;
using Elim.Search.Mcts;

namespace Elim.Search.Agent.Inference;

/// <summary>
/// <c>alphazero</c>: the search layer's Monte-Carlo tree search with the network as prior (a
/// <see cref="NetworkPrior"/> per worker, sharing the weights), anytime within the budget and never worse than the portfolio.
/// </summary>
public sealed class AlphaZeroSearch(Func<InferenceNetwork> model, CostModel costModel, int workers, bool useValue) : ISearchMethod
{
    /// <summary>The registry name.</summary>
    public const string MethodName = "alphazero";

    /// <summary>Simulations before each committed move: a sharp prior needs fewer than the heuristic one.</summary>
    public int SimulationsPerMove { get; init; } = 32;

    /// <summary>Children kept per node, the best by the network's logits.</summary>
    public int MaxChildren { get; init; } = 8;

    /// <inheritdoc />
    public string Name => MethodName;

    /// <inheritdoc />
    public SearchResult Search(ComputationalGraph graph, SearchBudget budget, int seed, IProgress<SearchProgress>? progress, CancellationToken token)
    {
        AgentMethods.SizeLimit(Name).Check(graph);
        var net = model();
        var search = new MctsSearch(costModel, workers, () => new NetworkPrior(net, useValue))
        {
            SimulationsPerMove = SimulationsPerMove,
            MaxChildren = MaxChildren,
        };
        var renamed = progress is null ? null : new Progress(progress, Name);
        return search.Search(graph, budget, seed, renamed, token) with { Method = Name };
    }

    private sealed class Progress(IProgress<SearchProgress> inner, string name) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) => inner.Report(value with { Method = name });
    }
}
