using Elim.Search.Agent.Features;
using Elim.Search.Agent.Network;
using Elim.Search.Game;

namespace Elim.Agent.Tests;

public class InvarianceTests
{
    [Fact]
    public void Renumbering_vertices_permutes_the_logits_and_keeps_the_value()
    {
        var net = Fixtures.Network();
        var random = new Random(3);
        int compared = 0;
        for (int trial = 0; trial < 12; trial++)
        {
            var graph = Fixtures.Graph(seed: 40 + trial, inputs: 4, vertices: 30);
            var (renumbered, newIdOf) = Renumbering.Shuffle(graph, random);
            Assert.Equal(Elim.Graph.MarkowitzCost.Of(graph, Elim.Graph.StandardOrders.MinimalMarkowitz(graph)),
                Elim.Graph.MarkowitzCost.Of(renumbered, Elim.Graph.StandardOrders.MinimalMarkowitz(renumbered)));

            var game = new EliminationGame(graph);
            var twin = new EliminationGame(renumbered);
            Fixtures.EliminateRandomPrefix(game, random, 0.4);
            foreach (int id in game.Eliminated) twin.Eliminate(newIdOf[id]);
            Assert.Equal(game.Cost, twin.Cost);
            if (game.IsComplete) continue;

            var original = NetworkEvaluator.Evaluate(net, GraphFeatures.Observe(game));
            var permuted = NetworkEvaluator.Evaluate(net, GraphFeatures.Observe(twin));
            Assert.Equal(original.Value, permuted.Value, 1e-4);
            for (int id = 1; id <= graph.VertexCount; id++)
            {
                float a = original.Logits[graph.NodeOf(id)], b = permuted.Logits[renumbered.NodeOf(newIdOf[id])];
                if (float.IsNegativeInfinity(a)) Assert.True(float.IsNegativeInfinity(b), $"v{id}: {a} vs {b}");
                else Assert.Equal(a, b, 1e-4);
            }
            compared++;
        }
        Assert.True(compared >= 8);
    }

    [Fact]
    public void Renumbering_does_not_change_a_vertex_s_features()
    {
        var random = new Random(9);
        var graph = Fixtures.Graph(seed: 77, inputs: 5, vertices: 40);
        var (renumbered, newIdOf) = Renumbering.Shuffle(graph, random);
        var a = GraphFeatures.Observe(new EliminationGame(graph));
        var b = GraphFeatures.Observe(new EliminationGame(renumbered));
        const int f = GraphFeatures.FeatureCount;
        for (int id = 1; id <= graph.VertexCount; id++)
        {
            var rowA = a.Features.AsSpan(graph.NodeOf(id) * f, f).ToArray();
            var rowB = b.Features.AsSpan(renumbered.NodeOf(newIdOf[id]) * f, f).ToArray();
            Assert.Equal(rowA, rowB);
        }
        Assert.Equal(a.Globals, b.Globals);
    }
}
