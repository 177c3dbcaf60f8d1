using Elim.Search.Game;

namespace Elim.Search.Heuristics;

/// <summary>
/// A greedy elimination heuristic: repeatedly eliminate the remaining vertex with the lexicographically
/// smallest scores, ties going to the lowest id (or the highest, for the reverse tie-break chain).
/// </summary>
internal sealed class GreedyHeuristic(string name, bool highestIdWins, params Func<IVertexScore>[] criteria) : IHeuristic
{
    public string Name { get; } = name;

    public void Play(EliminationGame game)
    {
        var scores = Array.ConvertAll(criteria, create => create());
        foreach (var score in scores) score.Prepare(game);
        var best = new long[scores.Length];
        var candidate = new long[scores.Length];
        while (!game.IsComplete)
        {
            int chosen = 0;
            foreach (int id in game.Remaining)
            {
                for (int c = 0; c < scores.Length; c++) candidate[c] = scores[c].Score(game, id);
                if (chosen == 0 || Better(candidate, id, best, chosen))
                {
                    chosen = id;
                    candidate.CopyTo(best, 0);
                }
            }
            game.Eliminate(chosen);
        }
    }

    private bool Better(long[] candidate, int id, long[] best, int bestId)
    {
        for (int c = 0; c < candidate.Length; c++)
        {
            if (candidate[c] != best[c]) return candidate[c] < best[c];
        }
        return highestIdWins ? id > bestId : id < bestId;
    }
}
