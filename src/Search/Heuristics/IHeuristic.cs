using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>A deterministic rule that completes an elimination order from any game state.</summary>
internal interface IHeuristic
{
    /// <summary>The heuristic's registry name.</summary>
    string Name { get; }

    /// <summary>
    /// Eliminates every remaining vertex of <paramref name="game"/> by the rule and returns true; returns false,
    /// with the game incomplete, when <paramref name="outOfTime"/> (asked every step) says to stop first.
    /// </summary>
    bool Play(EliminationGame game, Func<bool> outOfTime);
}
