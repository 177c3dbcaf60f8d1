using Elim.Search.Agent.Training;

namespace Elim.Agent.Tests;

/// <summary>Self-play on a graph too large for a whole searched game: a window of moves, the game still completed.</summary>
public class WindowedSelfPlayTests
{
    [Fact]
    public void A_large_graph_yields_a_window_of_positions_and_a_complete_game()
    {
        var net = Fixtures.Network(seed: 5);
        var random = AgentRandom.FromSeed(2);
        var graph = RandomPrograms.Build(random, ProgramShape.Mixed, 6, 400);
        int n = graph.EliminableVertices.Count;
        var options = SelfPlayOptions.Default with { MoveBudget = 10 * n };
        var (samples, cost) = new SelfPlay(net, options).Play(graph, random);
        Assert.InRange(samples.Count, 9, 10);
        Assert.True(cost > 0);
        Assert.All(samples, s => Assert.InRange(s.ValueTarget, 0, MathF.Log(1 + cost)));
        Assert.True(samples.Zip(samples.Skip(1)).All(p => p.First.ValueTarget >= p.Second.ValueTarget), "remaining cost never grows");
    }

    [Fact]
    public void A_graph_within_the_budget_is_searched_whole()
    {
        var net = Fixtures.Network(seed: 5);
        var random = AgentRandom.FromSeed(4);
        var graph = RandomPrograms.Build(random, ProgramShape.Deep, 3, 40);
        var (samples, cost) = new SelfPlay(net, SelfPlayOptions.Default).Play(graph, random);
        Assert.Equal(graph.EliminableVertices.Count - 1, samples.Count);
        Assert.Equal(MathF.Log(1 + cost), samples[0].ValueTarget, 1e-5);
    }
}
