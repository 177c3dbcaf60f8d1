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

    [Fact]
    public void Heuristics_leave_a_shared_game_where_they_found_it_and_play_from_any_state()
    {
        var graph = Graph(5);
        var game = new EliminationGame(graph);
        int first = graph.EliminableVertices[^1];
        game.Eliminate(first);
        foreach (var heuristic in StandardHeuristics.All)
        {
            heuristic.Play(game);
            Assert.True(game.IsComplete);
            Assert.Equal(first, game.VertexAt(0));
            game.UndoTo(1);
        }
    }

    private static SearchResult Run(string name, ComputationalGraph graph) =>
        SearchMethods.Create(name).Search(graph, Budget, 0, null, CancellationToken.None);
}
