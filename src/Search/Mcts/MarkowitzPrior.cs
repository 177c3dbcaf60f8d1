using Elim.Search.Game;

namespace Elim.Search.Mcts;

/// <summary>The default prior: a softmax over negative Markowitz degrees, and rollouts for values.</summary>
public sealed class MarkowitzPrior : IPrior
{
    /// <summary>Degrees are divided by this before the softmax: higher spreads the prior wider.</summary>
    public const float Temperature = 2f;

    /// <summary>The shared instance (it has no state).</summary>
    public static MarkowitzPrior Instance { get; } = new();

    /// <inheritdoc />
    public double? Evaluate(EliminationGame game, ReadOnlySpan<int> actions, Span<float> logits)
    {
        for (int a = 0; a < actions.Length; a++) logits[a] = -game.MarkowitzDegree(actions[a]) / Temperature;
        return null;
    }
}
