using Elim.Frontend;
using Elim.Graph;
using Elim.Search;
using Elim.Search.Game;
using Elim.Search.Heuristics;
using Elim.Testing;

namespace Elim.Search.Tests;

public class HeuristicTests
{
    private static readonly SearchBudget Budget = SearchBudget.OfTime(TimeSpan.FromMinutes(1));

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 25)];

    private static ComputationalGraph Graph(int seed) => RandomGraphs.Create(seed, 2 + seed % 4, 10 + seed * 7 % 60);

    [Theory, MemberData(nameof(Seeds))]
    public void Markowitz_forward_and_reverse_equal_the_standard_orders(int seed)
    {
        var graph = Graph(seed);
        Assert.Equal(StandardOrders.MinimalMarkowitz(graph).VertexIds, Run("markowitz", graph).Order.VertexIds);
        Assert.Equal(StandardOrders.Forward(graph).VertexIds, Run("forward", graph).Order.VertexIds);
        Assert.Equal(StandardOrders.Reverse(graph).VertexIds, Run("reverse", graph).Order.VertexIds);
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Every_heuristic_gives_a_valid_order_priced_like_the_reference(int seed)
    {
        var graph = Graph(seed);
        foreach (var heuristic in StandardHeuristics.All)
        {
            var result = Run(heuristic.Name, graph);
            result.Order.Validate(graph);
            Assert.Equal(MarkowitzCost.Of(graph, result.Order), result.Cost);
            Assert.Equal(heuristic.Name, result.Method);
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void The_portfolio_is_the_cheapest_heuristic(int seed)
    {
        var graph = Graph(seed);
        long cheapest = StandardHeuristics.All.Min(h => Run(h.Name, graph).Cost);
        var portfolio = Run("portfolio", graph);
        Assert.Equal(cheapest, portfolio.Cost);
        Assert.InRange(portfolio.LowerBound, 0, portfolio.Cost);
    }

    [Theory, MemberData(nameof(Seeds))]
    public void The_portfolio_keeps_the_order_of_the_first_cheapest_heuristic_in_the_list(int seed)
    {
        // Plays that cost more than they could and still be kept stop early: the result must be what playing
        // every heuristic to the end in the list's order gives, ties included.
        // Graphs with more inputs than outputs play reverse mode second, before forward mode; many of them tie forward with reverse.
        foreach (var graph in new[] { Graph(seed), RandomGraphs.Create(seed, 6 + seed % 5, 6 + seed % 9) })
        {
            var results = StandardHeuristics.All.Select(h => Run(h.Name, graph)).ToArray();
            var first = results.First(r => r.Cost == results.Min(c => c.Cost));
            Assert.Equal(first.Order.VertexIds, Run("portfolio", graph).Order.VertexIds);
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Forward_and_reverse_are_priced_without_playing_at_what_playing_them_costs(int seed)
    {
        foreach (var graph in new[] { Graph(seed), RandomGraphs.Create(seed, 6 + seed % 5, 6 + seed % 9), RandomGraphs.Create(seed, 1 + seed % 3, 40 + 3 * seed) })
            AssertPricedAsPlayed(graph);
    }

    [Fact]
    public void Forward_and_reverse_are_priced_as_played_on_every_example()
    {
        foreach (string file in Directory.GetFiles(Repository.PathOf("examples"), "*.elim"))
            AssertPricedAsPlayed(ElimFrontend.CompileFile(file));
    }

    private static void AssertPricedAsPlayed(ComputationalGraph graph)
    {
        foreach (var fixedOrder in new[] { StandardHeuristics.Forward, StandardHeuristics.Reverse })
        {
            var played = Run(fixedOrder.Name, graph);
            var priced = fixedOrder.PriceWithoutPlaying(new EliminationGame(graph)) ?? (played.Order.VertexIds.ToArray(), played.Cost);
            Assert.Equal(played.Order.VertexIds, priced.Order);
            Assert.Equal(played.Cost, priced.Cost);
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void A_portfolio_with_no_time_still_plays_minimal_Markowitz_to_the_end_and_names_what_it_left_out(int seed)
    {
        var graph = Graph(seed);
        var result = SearchMethods.Create("portfolio").Search(graph, Budget, 1, null, new CancellationToken(canceled: true));
        Assert.Equal(StandardOrders.MinimalMarkowitz(graph).VertexIds, result.Order.VertexIds);
        string notes = string.Join(" ", result.Notes);
        Assert.Contains("before finishing forward, reverse, markowitz-rev,", notes);
        Assert.DoesNotContain(" markowitz,", notes);
    }

    [Fact]
    public void On_a_big_graph_the_portfolio_does_not_start_what_cannot_finish_in_seconds_and_says_so()
    {
        var graph = ElimFrontend.Compile(RandomBigPrograms.Generate(11_000, seed: 1), "big.elim");
        Assert.InRange(graph.EliminableVertices.Count, GreedyHeuristic.ReachTwoMaxEliminable + 1, 2 * GreedyHeuristic.ReachTwoMaxEliminable);
        var result = Run("portfolio", graph);
        string notes = string.Join(" ", result.Notes);
        Assert.Contains("did not start fill-in, fill-in-rev, markowitz-damage, markowitz-damage-rev, reduction, reduction-rev:", notes);
        Assert.Contains("left out the connectivity lower bound", notes);
        Assert.DoesNotContain("ran out of", notes);
        Assert.Equal(0, result.LowerBound);
        Assert.True(result.Cost <= Run("reverse", graph).Cost);
    }

    [Fact]
    public void Heuristics_leave_a_shared_game_where_they_found_it_and_play_from_any_state()
    {
        var graph = Graph(5);
        var game = new EliminationGame(graph);
        int first = graph.EliminableVertices[^1];
        game.Eliminate(first);
        foreach (var heuristic in StandardHeuristics.All)
        {
            Assert.True(heuristic.Play(game, () => false));
            Assert.True(game.IsComplete);
            Assert.Equal(first, game.VertexAt(0));
            game.UndoTo(1);
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Greedy_heuristics_choose_what_a_full_scan_per_step_chooses(int seed)
    {
        var graph = RandomGraphs.Create(seed, 1 + seed % 5, 20 + seed * 29 % 200);
        foreach (var greedy in StandardHeuristics.All.OfType<GreedyHeuristic>())
        {
            var game = new EliminationGame(graph);
            Assert.True(greedy.Play(game, () => false));
            Assert.Equal(ScanEveryStep(graph, greedy), game.Eliminated.ToArray());
        }
    }

    [Fact]
    public void A_greedy_heuristic_stops_when_told_and_the_search_finishes_its_order_in_reverse()
    {
        var graph = RandomGraphs.Create(3, 3, 300);
        var game = new EliminationGame(graph);
        int asked = 0;
        // Asked once per vertex while scoring them all, then once per step: told to stop before the fourth step.
        Assert.False(StandardHeuristics.All.Single(h => h.Name == "fill-in").Play(game, () => ++asked > game.EliminableCount + 3));
        Assert.Equal(3, game.Depth);

        var result = SearchMethods.Create("markowitz").Search(graph, Budget, 0, null, new CancellationToken(canceled: true));
        result.Order.Validate(graph);
        Assert.Equal(MarkowitzCost.Of(graph, result.Order), result.Cost);
        Assert.Contains("ran out of time", Assert.Single(result.Notes));
    }

    // The straightforward definition: at each step score every remaining vertex and take the lexicographically smallest.
    private static int[] ScanEveryStep(ComputationalGraph graph, GreedyHeuristic greedy)
    {
        var game = new EliminationGame(graph);
        var scores = greedy.CreateCriteria();
        foreach (var score in scores) score.Prepare(game);
        while (!game.IsComplete)
        {
            var best = game.Remaining.ToArray()
                .Select(id => (Scores: scores.Select(s => s.Score(game, id)).ToArray(), Id: id))
                .OrderBy(c => c.Scores[0]).ThenBy(c => c.Scores.Length > 1 ? c.Scores[1] : 0).ThenBy(c => greedy.HighestIdWins ? -c.Id : c.Id)
                .First();
            game.Eliminate(best.Id);
        }
        return game.Eliminated.ToArray();
    }

    private static SearchResult Run(string name, ComputationalGraph graph) =>
        SearchMethods.Create(name).Search(graph, Budget, 0, null, CancellationToken.None);
}
