using Elim.Search.Exact;
using Elim.Search.Game;
using Elim.Testing;

namespace Elim.Search.Tests;

public class GroupCutBoundTests
{
    public static TheoryData<int> SmallGraphSeeds() => ExactTests.SmallGraphSeeds();

    [Theory, MemberData(nameof(SmallGraphSeeds))]
    public void The_group_cut_bound_never_exceeds_the_optimum_and_never_falls_below_the_connectivity_bound(int seed)
    {
        var graph = ExactTests.SmallGraph(seed);
        var game = new EliminationGame(graph);
        long optimum = ExactTests.BruteForceOptimum(graph, CostModel.Markowitz);
        long connectivity = ConnectivityBound.Of(game).Total;
        foreach (int size in new[] { 1, 2, 3, 8 })
        {
            var bound = GroupCutBound.Of(game, size);
            Assert.InRange(bound.Remaining(bound.GoneMembers(game)), connectivity, optimum);
        }
        var strongest = GroupCutBound.Strongest(game, [2, 3, 5]);
        Assert.InRange(strongest.Remaining(strongest.GoneMembers(game)), connectivity, optimum);
        var kicked = GroupCutBound.Strongest(game, [2, 3], kicks: 10);
        Assert.InRange(kicked.Remaining(kicked.GoneMembers(game)), connectivity, optimum);
    }

    [Fact]
    public void Grown_groups_never_bound_lower_than_the_groups_they_grew_from()
    {
        int gained = 0;
        for (int seed = 1; seed <= 20; seed++)
        {
            var graph = RandomGraphs.Create(seed, 2 + seed % 4, 40);
            var game = new EliminationGame(graph);
            var cuts = new VertexCuts(graph);
            var single = ConnectivityBound.Of(game, cuts, null).PerVertex;
            var small = GroupSearch.Run(graph, cuts, single, 3, merge: true, null);
            var grown = GroupSearch.Grow(graph, cuts, single, small, 6, null);
            Assert.True(grown.Sum(g => g.Total) >= small.Sum(g => g.Total), $"seed {seed}");
            if (grown.Sum(g => g.Total) > small.Sum(g => g.Total)) gained++;
            Assert.Equal(graph.EliminableVertices.Order(), grown.SelectMany(g => g.Members).Order());
            Assert.All(grown, g => Assert.InRange(g.Members.Length, 0, 6));
        }
        Assert.True(gained > 0);
    }

    [Fact]
    public void Read_at_any_state_the_bound_never_exceeds_the_cheapest_way_to_finish()
    {
        // Branch and bound reads the tables at every node: check random partial orders against brute force.
        for (int seed = 1; seed <= 400; seed++)
        {
            var graph = RandomGraphs.Create(seed, 1 + seed % 4, 6 + seed % 9);
            if (graph.EliminableVertices.Count is < 3 or > 9) continue;
            var game = new EliminationGame(graph);
            var bound = GroupCutBound.Of(game, 2 + seed % 7);
            var order = RandomGraphs.RandomOrder(graph, seed).VertexIds.ToArray();
            for (int prefix = 0; prefix < order.Length; prefix++)
            {
                long rest = ExactTests.BruteForceRest(game);
                Assert.True(bound.Remaining(bound.GoneMembers(game)) <= rest, $"seed {seed}, after {prefix} steps: bound above the cheapest finish {rest}");
                game.Eliminate(order[prefix]);
            }
        }
    }

    [Fact]
    public void Kicked_groups_still_cover_every_eliminable_vertex_once()
    {
        for (int seed = 1; seed <= 10; seed++)
        {
            var graph = RandomGraphs.Create(seed, 3, 60);
            var game = new EliminationGame(graph);
            var cuts = new VertexCuts(graph);
            var single = ConnectivityBound.Of(game, cuts, null).PerVertex;
            var groups = GroupSearch.Run(graph, cuts, single, 6, merge: true, null);
            for (int kick = 0; kick < 5; kick++)
            {
                groups = GroupSearch.Kick(graph, cuts, single, groups, 6, graph.EliminableVertices[(seed + 7 * kick) % graph.EliminableVertices.Count], null);
                Assert.Equal(graph.EliminableVertices.Order(), groups.SelectMany(g => g.Members).Order());
                Assert.All(groups, g => Assert.InRange(g.Members.Length, 0, 6));
            }
        }
    }

    [Fact]
    public void Groups_cover_every_eliminable_vertex_once()
    {
        var graph = RandomGraphs.Create(7, 3, 60);
        var bound = GroupCutBound.Of(new EliminationGame(graph), 6);
        var members = bound.Groups.SelectMany(g => g.Members).Order().ToArray();
        Assert.Equal(graph.EliminableVertices.Order().ToArray(), members);
        Assert.All(bound.Groups, g => Assert.InRange(g.Members.Length, 0, 6));
    }

    [Fact]
    public void On_roe_flux_the_groups_see_more_than_the_connectivity_bound()
    {
        var task = PaperTask.Named("RoeFlux_1d");
        var game = new EliminationGame(Elim.Frontend.ElimFrontend.CompileFile(Repository.Example(task.File)));
        var bound = GroupCutBound.Of(game);
        Assert.InRange(bound.Remaining(bound.GoneMembers(game)), ConnectivityBound.Of(game).Total + 1, task.PublishedOrderCost);
    }
}
