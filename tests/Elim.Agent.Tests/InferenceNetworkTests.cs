using Elim.Search.Agent.Features;
using Elim.Search.Agent.Network;
using Elim.Search.Game;

namespace Elim.Agent.Tests;

public class InferenceNetworkTests
{
    [Fact]
    public void The_plain_forward_pass_matches_the_torch_one()
    {
        var net = Fixtures.Network(seed: 12, shape: new NetworkShape(32, 3));
        var network = net.ToInference();
        var random = new Random(4);
        for (int trial = 0; trial < 15; trial++)
        {
            var game = new EliminationGame(Fixtures.Graph(seed: 300 + trial, inputs: random.Next(1, 7), vertices: random.Next(5, 60)));
            Fixtures.EliminateRandomPrefix(game, random, random.NextDouble());
            if (game.IsComplete) continue;
            var observation = GraphFeatures.Observe(game);
            var torch = NetworkEvaluator.Evaluate(net, observation);
            var plain = network.Evaluate(observation);
            Assert.Equal(torch.Value, plain.Value, 1e-4);
            for (int node = 0; node < observation.NodeCount; node++)
            {
                if (float.IsNegativeInfinity(torch.Logits[node])) Assert.Equal(float.NegativeInfinity, plain.Logits[node]);
                else Assert.Equal(torch.Logits[node], plain.Logits[node], 1e-4);
            }
        }
    }
}
