using Elim.Search.Game;

namespace Elim.Search.Mcts;

/// <summary>
/// The plug point for what guides tree search: prior logits over the legal moves of a game state and,
/// optionally, an estimate of the cost still to come. The default is <see cref="MarkowitzPrior"/>; a
/// learned policy/value network implements the same interface in its own project.
/// </summary>
public interface IPrior
{
    /// <summary>
    /// Writes a logit for each vertex of <paramref name="actions"/> (the remaining vertices of
    /// <paramref name="game"/>, in that order) into <paramref name="logits"/>; returns the estimated cost of
    /// eliminating everything still remaining, or null to let the search play a rollout instead.
    /// Must not change <paramref name="game"/> (eliminating and undoing is fine); called from one thread per tree.
    /// </summary>
    double? Evaluate(EliminationGame game, ReadOnlySpan<int> actions, Span<float> logits);
}
