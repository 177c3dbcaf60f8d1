using Elim.Graph;
using Elim.Search.Agent.Inference;
using Elim.Search.Agent.Network;
using Elim.Search.Agent.Training;
using Elim.Search.Game;
using Elim.Testing;

namespace Elim.Agent.Tests;

/// <summary>Validation scores the greedy policy against the best of forward, reverse and minimal Markowitz, not minimal Markowitz alone.</summary>
public class ValidationTests
{
    [Fact]
    public void The_ratio_is_against_the_cheapest_standard_order()
    {
        // RoeFlux_1d: reverse (364) beats minimal Markowitz (407), so a score against Markowitz alone would differ.
        var graph = Elim.Frontend.ElimFrontend.CompileFile(Repository.Example("roe_flux_1d"));
        long best = new[] { StandardOrders.Forward(graph), StandardOrders.Reverse(graph), StandardOrders.MinimalMarkowitz(graph) }
            .Min(order => MarkowitzCost.Of(graph, order));
        Assert.True(best < MarkowitzCost.Of(graph, StandardOrders.MinimalMarkowitz(graph)));
        var net = Fixtures.Network(seed: 11);
        var options = new TrainingOptions { Time = TimeSpan.Zero, ModelPath = "unused.bin", ValidationGraphs = 0, ValidationPrograms = [graph] };
        var score = new Validation(options, seed: 1).Score(net);
        long greedy = GreedyPolicy.PlayOut(net.ToInference(), new EliminationGame(graph));
        Assert.Equal(greedy / (double)best, score.MeanRatio, 12);
        Assert.Equal(score.MeanRatio, score.ProgramRatio, 12);
        Assert.Equal(greedy < best ? 1 : 0, score.Wins);
        Assert.Equal(greedy > best ? 1 : 0, score.Losses);
    }

    [Fact]
    public void Generated_validation_graphs_stay_within_their_cap_and_held_out_programs_are_added()
    {
        var program = Fixtures.Graph(seed: 3, vertices: 30);
        var options = new TrainingOptions
        {
            Time = TimeSpan.Zero, ModelPath = "unused.bin", ValidationGraphs = 5, ValidationMaxVertices = 60, LargeShare = 1, ValidationPrograms = [program],
        };
        var validation = new Validation(options, seed: 2);
        Assert.Equal(6, validation.Count);
        var score = validation.Score(Fixtures.Network(seed: 1));
        Assert.InRange(score.Wins + score.Losses, 0, 6);
        Assert.False(double.IsNaN(score.ProgramRatio));
    }
}
