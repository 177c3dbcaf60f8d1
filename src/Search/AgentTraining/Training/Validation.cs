using Elim.Graph;
using Elim.Search.Agent.Inference;
using Elim.Search.Agent.Network;
using Elim.Search.Game;

namespace Elim.Search.Agent.Training;

/// <summary>How the greedy policy does on the validation graphs, against minimal Markowitz.</summary>
/// <param name="MeanRatio">Mean over graphs of greedy cost / minimal-Markowitz cost (below 1 is better).</param>
/// <param name="Wins">Graphs where the greedy order is strictly cheaper.</param>
/// <param name="Losses">Graphs where it is strictly dearer.</param>
public sealed record ValidationScore(double MeanRatio, int Wins, int Losses);

/// <summary>A fixed set of generated graphs (from their own seed, apart from training's) to score the greedy policy on.</summary>
public sealed class Validation
{
    private readonly ComputationalGraph[] _graphs;
    private readonly long[] _markowitzCosts;

    /// <summary><paramref name="count"/> graphs from seed <paramref name="seed"/>.</summary>
    public Validation(int count, int seed)
    {
        var random = AgentRandom.FromSeed(seed);
        _graphs = [.. Enumerable.Range(0, count).Select(_ => RandomPrograms.Generate(random, 20, 150))];
        _markowitzCosts = [.. _graphs.Select(g => MarkowitzCost.Of(g, StandardOrders.MinimalMarkowitz(g)))];
    }

    /// <summary>Plays every graph greedily with <paramref name="net"/>.</summary>
    public ValidationScore Score(PolicyValueNet net)
    {
        var network = net.ToInference();
        double ratios = 0;
        int wins = 0, losses = 0;
        for (int g = 0; g < _graphs.Length; g++)
        {
            long cost = GreedyPolicy.PlayOut(network, new EliminationGame(_graphs[g]));
            ratios += cost / (double)Math.Max(1, _markowitzCosts[g]);
            if (cost < _markowitzCosts[g]) wins++;
            if (cost > _markowitzCosts[g]) losses++;
        }
        return new ValidationScore(ratios / _graphs.Length, wins, losses);
    }
}
