using Elim.Search.Agent.Features;
using Elim.Search.Agent.Network;
using Elim.Search.Game;
using Elim.Search.Mcts;

namespace Elim.Search.Agent.Inference;

/// <summary>
/// The network as the tree search's prior: its policy logits for the legal moves and, when
/// <paramref name="useValue"/> is set, its value as the estimate of the remaining cost (otherwise the search
/// plays rollouts, which are exact for the order they play).
/// </summary>
public sealed class NetworkPrior(InferenceNetwork network, bool useValue) : IPrior
{
    /// <inheritdoc />
    public double? Evaluate(EliminationGame game, ReadOnlySpan<int> actions, Span<float> logits)
    {
        var observation = GraphFeatures.Observe(game);
        var evaluation = network.Evaluate(observation);
        for (int a = 0; a < actions.Length; a++) logits[a] = evaluation.Logits[game.Graph.NodeOf(actions[a])];
        return useValue ? evaluation.RemainingCost : null;
    }
}
