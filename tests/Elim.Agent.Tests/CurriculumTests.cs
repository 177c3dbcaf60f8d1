using Elim.Graph;
using Elim.Search.Agent.Training;

namespace Elim.Agent.Tests;

/// <summary>What self-play is given: real programs in their share of games, generated programs mostly small, some up to the cap.</summary>
public class CurriculumTests
{
    private static TrainingOptions Options(IReadOnlyList<ComputationalGraph> programs, double share) =>
        new() { Time = TimeSpan.Zero, ModelPath = "unused.bin", Programs = programs, ProgramShare = share };

    [Fact]
    public void Real_programs_reach_self_play_in_about_their_share_of_games()
    {
        var programs = new[] { Fixtures.Graph(seed: 1, vertices: 30), Fixtures.Graph(seed: 2, vertices: 40) };
        var curriculum = new Curriculum(Options(programs, share: 0.25));
        var random = AgentRandom.FromSeed(9);
        var drawn = Enumerable.Range(0, 400).Select(_ => curriculum.Next(random)).ToList();
        int real = drawn.Count(g => programs.Contains(g));
        Assert.InRange(real, 70, 130);
        Assert.All(programs, p => Assert.Contains(p, drawn));
    }

    [Fact]
    public void Without_programs_every_game_is_generated()
    {
        var curriculum = new Curriculum(Options([], share: 1));
        var random = AgentRandom.FromSeed(3);
        Assert.All(Enumerable.Range(0, 20).Select(_ => curriculum.Next(random)), g => Assert.StartsWith("generated-", g.Name));
    }

    [Fact]
    public void Generated_programs_are_mostly_small_and_some_large_up_to_the_cap()
    {
        var options = Options([], 0) with { LargeShare = 0.1, MaxVertices = 600 };
        var random = AgentRandom.FromSeed(5);
        var sizes = Enumerable.Range(0, 300).Select(_ => Curriculum.Generated(random, options).VertexCount).ToList();
        Assert.All(sizes, size => Assert.InRange(size, options.MinVertices, options.MaxVertices));
        int large = sizes.Count(size => size > options.SmallMaxVertices);
        Assert.InRange(large, 10, 55);
    }
}
