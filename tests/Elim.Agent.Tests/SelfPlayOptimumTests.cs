using Elim.Graph;
using Elim.Search;
using Elim.Search.Agent.Inference;
using Elim.Search.Agent.Network;
using Elim.Search.Agent.Training;
using Elim.Search.Game;

namespace Elim.Agent.Tests;

public class SelfPlayOptimumTests
{
    [Fact]
    public void Short_self_play_on_a_tiny_graph_learns_the_order_exact_search_proves_optimal()
    {
        // A tiny graph on which minimal Markowitz is not optimal, so the network has something to learn.
        var (graph, optimum) = Enumerable.Range(0, 200)
            .Select(seed => Fixtures.Graph(seed, inputs: 3, vertices: 9))
            .Select(g => (Graph: g, Exact: SearchMethods.Create("exact").Search(g, SearchBudget.OfTime(TimeSpan.FromSeconds(10)), 0, null, default)))
            .Where(p => p.Exact.ProvenOptimal && MarkowitzCost.Of(p.Graph, StandardOrders.MinimalMarkowitz(p.Graph)) > p.Exact.Cost)
            .Select(p => (p.Graph, p.Exact.Cost))
            .First();

        var net = Fixtures.Network(seed: 3);
        var learner = new Learner(net, learningRate: 3e-3);
        var selfPlay = new SelfPlay(net, SelfPlayOptions.Default);
        var buffer = new ReplayBuffer(2_000);
        var random = AgentRandom.FromSeed(4);
        long bestSelfPlay = long.MaxValue, greedy = long.MaxValue;
        for (int round = 0; round < 60 && greedy != optimum; round++)
        {
            var (samples, cost) = selfPlay.Play(graph, random);
            bestSelfPlay = Math.Min(bestSelfPlay, cost);
            buffer.AddRange(samples);
            for (int s = 0; s < 4; s++) learner.Step(buffer.Sample(32, random));
            greedy = GreedyPolicy.PlayOut(net.ToInference(), new EliminationGame(graph));
        }
        Assert.True(bestSelfPlay >= optimum, $"self-play found {bestSelfPlay}, below the proven optimum {optimum}");
        Assert.Equal(optimum, greedy);
    }
}
