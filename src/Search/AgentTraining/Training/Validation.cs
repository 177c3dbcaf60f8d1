using Elim.Graph;
using Elim.Search.Agent.Inference;
using Elim.Search.Agent.Network;
using Elim.Search.Game;

namespace Elim.Search.Agent.Training;

/// <summary>How the greedy policy does on the validation graphs, against the best standard order of each.</summary>
/// <param name="MeanRatio">Mean over all graphs of greedy cost / cost of the best of forward, reverse and minimal Markowitz (below 1 is better).</param>
/// <param name="Wins">Graphs where the greedy order is strictly cheaper than the best standard order.</param>
/// <param name="Losses">Graphs where it is strictly dearer.</param>
/// <param name="ProgramRatio">The mean ratio over the held-out real programs alone (NaN without any).</param>
public sealed record ValidationScore(double MeanRatio, int Wins, int Losses, double ProgramRatio)
{
    /// <summary>The held-out programs' part of a progress line (a run without real programs has none to score).</summary>
    public string HeldOutText => double.IsNaN(ProgramRatio) ? "no held-out programs" : $"held-out programs {ProgramRatio:F4}";
}

/// <summary>
/// A fixed set of graphs to score the greedy policy on: generated ones, drawn like the training curriculum's (up to
/// <see cref="TrainingOptions.ValidationMaxVertices"/>) from a seed apart from training's, and the real programs held out of training. The model is chosen on this score only, so the
/// benchmark tasks that must stay unseen are never part of it. Each graph is scored against the cheapest of forward,
/// reverse and minimal Markowitz: the bar the greedy policy has to clear to be worth a forward pass per step.
/// </summary>
public sealed class Validation
{
    private readonly ComputationalGraph[] _graphs;
    private readonly long[] _standardCosts;
    private readonly int _generated;

    /// <summary>The <paramref name="options"/>' validation programs after <see cref="TrainingOptions.ValidationGraphs"/> generated graphs from seed <paramref name="seed"/>.</summary>
    public Validation(TrainingOptions options, int seed)
    {
        var random = AgentRandom.FromSeed(seed);
        _generated = options.ValidationGraphs;
        var sizes = options with { MaxVertices = Math.Min(options.MaxVertices, options.ValidationMaxVertices) };
        _graphs = [.. Enumerable.Range(0, _generated).Select(_ => Curriculum.Generated(random, sizes)), .. options.ValidationPrograms];
        _standardCosts = [.. _graphs.Select(g => StandardOrders.Cheapest(g).Cost)];
    }

    /// <summary>How many graphs are scored.</summary>
    public int Count => _graphs.Length;

    /// <summary>Plays every graph greedily with <paramref name="net"/>.</summary>
    public ValidationScore Score(PolicyValueNet net)
    {
        var network = net.ToInference();
        return Score(game => GreedyPolicy.PlayOut(network, game));
    }

    /// <summary>Plays every graph with <paramref name="play"/> (which completes the game and returns its cost).</summary>
    public ValidationScore Score(Func<EliminationGame, long> play)
    {
        double ratios = 0, programRatios = 0;
        int wins = 0, losses = 0;
        for (int g = 0; g < _graphs.Length; g++)
        {
            long cost = play(new EliminationGame(_graphs[g]));
            double ratio = cost / (double)Math.Max(1, _standardCosts[g]);
            ratios += ratio;
            if (g >= _generated) programRatios += ratio;
            if (cost < _standardCosts[g]) wins++;
            if (cost > _standardCosts[g]) losses++;
        }
        int programs = _graphs.Length - _generated;
        return new ValidationScore(ratios / Math.Max(1, _graphs.Length), wins, losses, programs > 0 ? programRatios / programs : double.NaN);
    }
}
