using Elim.Graph;
using Elim.Search;
using Elim.Search.Exact;
using Elim.Search.Game;
using Elim.Testing;

namespace Elim.Search.Tests;

public class ExactTests
{
    /// <summary>Random graphs with 3 to 8 eliminable vertices.</summary>
    public static TheoryData<int> SmallGraphSeeds()
    {
        var seeds = new TheoryData<int>();
        for (int seed = 1; seeds.Count < 60; seed++)
        {
            int count = SmallGraph(seed).EliminableVertices.Count;
            if (count is >= 3 and <= 8) seeds.Add(seed);
        }
        return seeds;
    }

    internal static ComputationalGraph SmallGraph(int seed) => RandomGraphs.Create(seed, 1 + seed % 4, 6 + seed % 7);

    [Theory, MemberData(nameof(SmallGraphSeeds))]
    public void Exact_search_equals_brute_force_over_all_permutations(int seed)
    {
        var graph = SmallGraph(seed);
        foreach (var model in new[] { CostModel.Markowitz, CostModel.Emitted })
        {
            long brute = BruteForceOptimum(graph, model);
            var result = SearchMethods.Create("exact", model).Search(graph, SearchBudget.OfTime(TimeSpan.FromMinutes(1)), 0, null, CancellationToken.None);
            Assert.True(result.ProvenOptimal);
            Assert.Equal(brute, result.Cost);
            Assert.Equal(brute, result.LowerBound);
            Assert.Equal(brute, Price(graph, model, result.Order.VertexIds));
        }
    }

    [Theory, MemberData(nameof(SmallGraphSeeds))]
    public void The_connectivity_bound_never_exceeds_the_optimum(int seed)
    {
        var graph = SmallGraph(seed);
        Assert.InRange(ConnectivityBound.Of(new EliminationGame(graph)).Total, 0, BruteForceOptimum(graph, CostModel.Markowitz));
    }

    [Fact]
    public void Each_vertex_costs_at_least_its_bound_in_any_order()
    {
        // Stronger than a bound on the total: the per-vertex bound holds for every step of every order.
        for (int seed = 1; seed <= 30; seed++)
        {
            var graph = RandomGraphs.Create(seed, 2 + seed % 5, 20 + seed * 5 % 80);
            var bound = ConnectivityBound.Of(new EliminationGame(graph));
            Assert.True(bound.Total > 0);
            for (int trial = 0; trial < 10; trial++)
            {
                var game = new EliminationGame(graph);
                foreach (int id in RandomGraphs.RandomOrder(graph, seed * 100 + trial).VertexIds)
                {
                    Assert.True(game.Eliminate(id) >= bound.PerVertex[id], $"seed {seed}: vertex {id} cost less than its bound {bound.PerVertex[id]}");
                }
            }
        }
    }

    [Fact]
    public void A_stopped_exact_search_reports_its_bound_and_no_proof()
    {
        var graph = RandomGraphs.Create(11, 4, 80);
        var result = SearchMethods.Create("exact").Search(graph, SearchBudget.OfIterations(2000), 0, null, CancellationToken.None);
        Assert.False(result.ProvenOptimal);
        Assert.InRange(result.LowerBound, 1, result.Cost);
        result.Order.Validate(graph);
    }

    internal static long BruteForceOptimum(ComputationalGraph graph, CostModel model) => BruteForceRest(new EliminationGame(graph, model));

    // Every completion of the game's order, walked depth-first with undo: no pruning, so it is plain
    // enumeration. The least cost of eliminating what remains.
    internal static long BruteForceRest(EliminationGame game)
    {
        long start = game.Cost, best = long.MaxValue;
        void Walk()
        {
            if (game.IsComplete) { best = Math.Min(best, game.Cost - start); return; }
            foreach (int id in game.Remaining.ToArray())
            {
                game.Eliminate(id);
                Walk();
                game.Undo();
            }
        }
        Walk();
        return best;
    }

    private static long Price(ComputationalGraph graph, CostModel model, IEnumerable<int> order)
    {
        var game = new EliminationGame(graph, model);
        foreach (int id in order) game.Eliminate(id);
        return game.Cost;
    }
}
