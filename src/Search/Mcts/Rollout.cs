using Elim.Search.Game;

namespace Elim.Search.Mcts;

/// <summary>
/// Noisy-greedy playout guided by the best order known: at each step, with probability
/// <see cref="FollowBest"/> it eliminates the remaining vertex that comes first in that order, otherwise
/// the vertex with the smallest Markowitz degree plus a random amount in [0, <see cref="Noise"/>), leaning
/// towards higher ids among equals (on the paper's tasks, Markowitz ties broken towards the highest id beat
/// the lowest by far). Following the incumbent keeps playouts near good orders; the greedy steps explore.
/// </summary>
internal sealed class Rollout
{
    /// <summary>Chance that a step follows the best known order.</summary>
    public const double FollowBest = 0.8;

    /// <summary>Largest random amount added to a degree on a greedy step.</summary>
    public const double Noise = 1.0;

    /// <summary>Largest amount taken off a degree for a high id (the highest id gets all of it).</summary>
    public const double HighIdLean = 0.5;

    /// <summary>Steps between clock checks: each step scans every remaining vertex, so on a big graph one playout can outlast the budget.</summary>
    public const int CheckEvery = 64;

    private readonly int[] _rank;     // per vertex id: its position in the best order

    public Rollout(int vertexCount, ReadOnlySpan<int> best)
    {
        _rank = new int[vertexCount + 1];
        Follow(best);
    }

    /// <summary>Makes <paramref name="best"/> the order playouts follow.</summary>
    public void Follow(ReadOnlySpan<int> best)
    {
        for (int p = 0; p < best.Length; p++) _rank[best[p]] = p;
    }

    /// <summary>The vertex of <paramref name="remaining"/> that comes first in the best order.</summary>
    public int FirstInBest(ReadOnlySpan<int> remaining)
    {
        int chosen = 0, first = int.MaxValue;
        foreach (int id in remaining)
        {
            if (_rank[id] < first) { first = _rank[id]; chosen = id; }
        }
        return chosen;
    }

    /// <summary>
    /// Plays <paramref name="game"/> to the end and returns true, or returns false part way when
    /// <paramref name="outOfTime"/> (asked every <see cref="CheckEvery"/> steps) says to stop.
    /// </summary>
    public bool Play(EliminationGame game, Random random, Func<bool> outOfTime)
    {
        double perId = HighIdLean / game.Graph.VertexCount;
        for (int step = 1; !game.IsComplete; step++)
        {
            if (step % CheckEvery == 0 && outOfTime()) return false;
            int chosen = 0;
            if (random.NextDouble() < FollowBest) chosen = FirstInBest(game.Remaining);
            else
            {
                double best = double.PositiveInfinity;
                foreach (int id in game.Remaining)
                {
                    double score = game.MarkowitzDegree(id) + Noise * random.NextDouble() - perId * id;
                    if (score < best) { best = score; chosen = id; }
                }
            }
            game.Eliminate(chosen);
        }
        return true;
    }
}
