using Elim.Search.Game;

namespace Elim.Search.Mcts;

/// <summary>
/// Noisy-greedy playout: each step eliminates the vertex with the smallest Markowitz degree after
/// multiplying every degree by a random factor in [1, 1 + <see cref="Noise"/>), ties to the lowest id.
/// </summary>
internal static class Rollout
{
    public const double Noise = 0.5;

    /// <summary>Plays <paramref name="game"/> to the end; returns how many eliminations it made.</summary>
    public static int Play(EliminationGame game, Random random)
    {
        int steps = 0;
        while (!game.IsComplete)
        {
            int chosen = 0;
            double best = double.PositiveInfinity;
            foreach (int id in game.Remaining)
            {
                double score = game.MarkowitzDegree(id) * (1 + Noise * random.NextDouble());
                if (score < best || score == best && id < chosen) { best = score; chosen = id; }
            }
            game.Eliminate(chosen);
            steps++;
        }
        return steps;
    }
}
