using Elim.Search.Agent.Features;
using Elim.Search.Agent.Network;
using Elim.Search.Game;

namespace Elim.Search.Agent.Inference;

/// <summary>The network as a player without search: one forward pass per step, the legal vertex with the highest logit.</summary>
public static class GreedyPolicy
{
    /// <summary>The legal vertex with the highest logit (lowest vertex id on ties), or 0 when none is legal.</summary>
    public static int Choose(GraphObservation observation, float[] logits)
    {
        int best = 0;
        float bestLogit = float.NegativeInfinity;
        for (int node = 0; node < observation.NodeCount; node++)
        {
            if (!observation.Legal[node] || best != 0 && logits[node] <= bestLogit) continue;
            best = observation.VertexOfNode[node];
            bestLogit = logits[node];
        }
        return best;
    }

    /// <summary>
    /// Plays <paramref name="game"/> from its current state to the end, or until <paramref name="outOfTime"/>
    /// (asked every step, if given) says to stop; returns the cost of the game so far.
    /// </summary>
    public static long PlayOut(InferenceNetwork network, EliminationGame game, Func<bool>? outOfTime = null)
    {
        while (!game.IsComplete && outOfTime?.Invoke() != true)
        {
            var observation = GraphFeatures.Observe(game);
            game.Eliminate(Choose(observation, network.Evaluate(observation).Logits));
        }
        return game.Cost;
    }
}
