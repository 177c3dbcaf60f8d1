using Elim.Search.Agent.Features;
using Elim.Search.Agent.Inference;
using Elim.Search.Agent.Network;
using Elim.Search.Game;

namespace Elim.Agent.Tests;

public class MaskingTests
{
    [Fact]
    public void Illegal_vertices_get_minus_infinity_and_are_never_chosen()
    {
        var net = Fixtures.Network();
        var random = new Random(11);
        for (int trial = 0; trial < 40; trial++)
        {
            var graph = Fixtures.Graph(seed: 100 + trial, inputs: random.Next(1, 6), vertices: random.Next(3, 40));
            var game = new EliminationGame(graph);
            Fixtures.EliminateRandomPrefix(game, random, random.NextDouble());
            if (game.IsComplete) continue;
            var observation = GraphFeatures.Observe(game);
            var logits = NetworkEvaluator.Evaluate(net, observation).Logits;
            var remaining = game.Remaining.ToArray().ToHashSet();
            for (int node = 0; node < observation.NodeCount; node++)
            {
                int id = observation.VertexOfNode[node];
                bool legal = id != 0 && remaining.Contains(id);
                Assert.Equal(legal, observation.Legal[node]);
                if (legal) Assert.True(float.IsFinite(logits[node]), $"legal v{id} has logit {logits[node]}");
                else Assert.Equal(float.NegativeInfinity, logits[node]);
            }
            int chosen = GreedyPolicy.Choose(observation, logits);
            Assert.Contains(chosen, remaining);
            Assert.False(game.IsEliminated(chosen));
            Assert.True(!graph.IsOutput(chosen) || graph.Successors(graph.NodeOf(chosen)).Count > 0, $"v{chosen} is an output nothing reads");
        }
    }

    [Fact]
    public void Outputs_that_nothing_reads_are_never_legal()
    {
        var graph = Fixtures.Graph(seed: 5, inputs: 3, vertices: 30);
        var observation = GraphFeatures.Observe(new EliminationGame(graph));
        var sinks = graph.Outputs.Select(o => o.VertexId).Where(id => graph.Successors(graph.NodeOf(id)).Count == 0).ToList();
        Assert.NotEmpty(sinks);
        foreach (int id in sinks) Assert.False(observation.Legal[graph.NodeOf(id)]);
    }

    [Fact]
    public void Greedy_orders_are_complete_and_cost_what_the_reference_eliminator_says()
    {
        var net = Fixtures.Network();
        var network = net.ToInference();
        var method = new AlphaZeroGreedySearch(() => network, Elim.Search.CostModel.Markowitz);
        for (int seed = 0; seed < 5; seed++)
        {
            var graph = Fixtures.Graph(seed, inputs: 3, vertices: 25);
            var result = method.Search(graph, Elim.Search.SearchBudget.OfTime(TimeSpan.FromSeconds(10)), 0, null, default);
            result.Order.Validate(graph);
            Assert.Equal(Elim.Graph.MarkowitzCost.Of(graph, result.Order), result.Cost);
        }
    }
}
