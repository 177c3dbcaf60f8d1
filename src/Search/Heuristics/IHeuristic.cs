using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>A deterministic rule that completes an elimination order from any game state.</summary>
internal interface IHeuristic
{
    /// <summary>The heuristic's registry name.</summary>
    string Name { get; }

    /// <summary>
    /// The most eliminable vertices of a graph on which the heuristic is worth starting in a portfolio: beyond it,
    /// its work per step grows with the graph and it would not finish in seconds (<see cref="int.MaxValue"/>: no limit).
    /// </summary>
    int MaxEliminable { get; }

    /// <summary>
    /// Eliminates every remaining vertex of <paramref name="game"/> by the rule and returns true; returns false,
    /// with the game incomplete, when <paramref name="outOfTime"/> (asked every step) says to stop first.
    /// </summary>
    bool Play(EliminationGame game, Func<bool> outOfTime);

    /// <summary>
    /// The order and its cost in <paramref name="game"/>'s cost model, known from the graph alone without playing, or
    /// null (the default): then it has to be played.
    /// </summary>
    (int[] Order, long Cost)? PriceWithoutPlaying(EliminationGame game) => null;
}
