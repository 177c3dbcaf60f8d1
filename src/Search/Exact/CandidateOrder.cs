using Elim.Search.Game;

namespace Elim.Search.Exact;

/// <summary>
/// The order in which branch and bound tries the remaining vertices of a state: by step cost, then id; or, when the
/// state has a <see cref="SafeStep"/>, that vertex alone. Cheap steps first find good orders early; the order depends
/// on the state alone, so a checkpoint's path of candidate indices names the same nodes when a later run walks it again.
/// </summary>
internal sealed class CandidateOrder(EliminationGame game)
{
    private readonly SafeStep _safe = new(game);

    /// <summary>
    /// Writes the candidates of the game's current state into <paramref name="candidates"/> in trying
    /// order, with their step costs in <paramref name="steps"/>; returns how many there are.
    /// </summary>
    public int Sort(int[] candidates, long[] steps)
    {
        if (_safe.Find() is > 0 and int safe)
        {
            (candidates[0], steps[0]) = (safe, game.StepCost(safe));
            return 1;
        }
        int count = 0;
        foreach (int id in game.Remaining)
        {
            long step = game.StepCost(id);
            int at = count++;
            while (at > 0 && (steps[at - 1] > step || steps[at - 1] == step && candidates[at - 1] > id))
            {
                steps[at] = steps[at - 1];
                candidates[at] = candidates[at - 1];
                at--;
            }
            steps[at] = step;
            candidates[at] = id;
        }
        return count;
    }
}
