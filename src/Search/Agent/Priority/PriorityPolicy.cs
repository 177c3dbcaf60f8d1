using Elim.Search.Game;

namespace Elim.Search.Agent.Priority;

/// <summary>The priority network as a player without search: repeatedly eliminate the vertex of lowest priority.</summary>
public static class PriorityPolicy
{
    /// <summary>
    /// Plays <paramref name="game"/> to the end, or until <paramref name="outOfTime"/> (asked every step) says to stop;
    /// returns whether it finished.
    /// </summary>
    public static bool Play(PriorityNetwork network, EliminationGame game, Func<bool>? outOfTime = null) =>
        PriorityScore.Heuristic("priority", network).Play(game, outOfTime ?? (() => false));
}
