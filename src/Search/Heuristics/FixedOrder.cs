using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>
/// An order that depends only on the numbering: forward (ascending ids) or reverse (descending). It costs
/// one pass, so it always finishes: it is what a search falls back on when time runs out.
/// </summary>
internal sealed class FixedOrder(string name, bool descending) : IHeuristic
{
    public string Name { get; } = name;

    public bool Play(EliminationGame game, Func<bool> outOfTime)
    {
        game.FinishInIdOrder(descending);
        return true;
    }
}
