using Elim.Graph;
using Elim.Search.Agent.Network;
using Elim.Search.Agent.Training;

namespace Elim.Agent.Tests;

public class LearningTests
{
    private static List<TrainingSample> SelfPlaySamples(PolicyValueNet net, int games)
    {
        var random = AgentRandom.FromSeed(5);
        var selfPlay = new SelfPlay(net, SelfPlayOptions.Default);
        var samples = new List<TrainingSample>();
        for (int g = 0; g < games; g++) samples.AddRange(selfPlay.Play(RandomPrograms.Generate(random, 10, 30), random).Samples);
        return samples;
    }

    [Fact]
    public void Training_steps_lower_the_loss_on_a_fixed_batch()
    {
        var net = Fixtures.Network(seed: 1);
        var batch = SelfPlaySamples(net, 3).Take(48).ToList();
        var learner = new Learner(net, learningRate: 3e-3);
        var before = learner.Evaluate(batch);
        for (int s = 0; s < 30; s++) learner.Step(batch);
        var after = learner.Evaluate(batch);
        Assert.True(after.Total < 0.8 * before.Total, $"loss {before.Total:F4} → {after.Total:F4}");
        Assert.True(after.Value < before.Value, $"value loss {before.Value:F4} → {after.Value:F4}");
    }

    [Fact]
    public void Self_play_targets_are_distributions_over_legal_vertices_and_values_are_realised_costs()
    {
        var net = Fixtures.Network(seed: 2);
        var random = AgentRandom.FromSeed(8);
        var graph = RandomPrograms.Generate(random, 15, 25);
        var (samples, cost) = new SelfPlay(net, SelfPlayOptions.Default).Play(graph, random);
        Assert.NotEmpty(samples);
        Assert.Equal(MathF.Log(1 + cost), samples[0].ValueTarget, 1e-5);
        foreach (var sample in samples)
        {
            Assert.Equal(1f, sample.PolicyTarget.Sum(), 1e-4);
            for (int node = 0; node < sample.Observation.NodeCount; node++)
                if (!sample.Observation.Legal[node]) Assert.Equal(0f, sample.PolicyTarget[node]);
        }
        Assert.True(samples.Zip(samples.Skip(1)).All(p => p.First.ValueTarget >= p.Second.ValueTarget), "remaining cost never grows");
    }

    [Fact]
    public void A_game_stopped_before_its_first_move_is_minimal_Markowitz_and_records_nothing()
    {
        var net = Fixtures.Network(seed: 2);
        var random = AgentRandom.FromSeed(8);
        var graph = RandomPrograms.Generate(random, 15, 25);
        var (samples, cost) = new SelfPlay(net, SelfPlayOptions.Default).Play(graph, random, new CancellationToken(canceled: true));
        Assert.Empty(samples);
        Assert.Equal(MarkowitzCost.Of(graph, StandardOrders.MinimalMarkowitz(graph)), cost);
    }

    [Fact]
    public void Generated_programs_have_the_requested_sizes_and_repeat_with_the_seed()
    {
        var a = AgentRandom.FromSeed(3);
        var b = AgentRandom.FromSeed(3);
        for (int i = 0; i < 30; i++)
        {
            var graph = RandomPrograms.Generate(a, 10, 200);
            Assert.InRange(graph.VertexCount, 10, 200);
            Assert.NotEmpty(graph.EliminableVertices);
            Assert.Equal(Elim.Graph.GraphHash.Structural(graph), Elim.Graph.GraphHash.Structural(RandomPrograms.Generate(b, 10, 200)));
        }
        foreach (var shape in Enum.GetValues<ProgramShape>())
            Assert.Equal(120, RandomPrograms.Build(AgentRandom.FromSeed(1), shape, 6, 120).VertexCount);
    }
}
