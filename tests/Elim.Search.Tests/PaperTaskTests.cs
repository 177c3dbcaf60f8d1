using Elim.Frontend;
using Elim.Graph;
using Elim.Search;
using Elim.Search.Exact;
using Elim.Search.Game;
using Elim.Testing;

namespace Elim.Search.Tests;

/// <summary>The paper's five scalar tasks, built from examples/*.elim.</summary>
public class PaperTaskTests
{
    private static readonly SearchBudget Budget = SearchBudget.OfTime(TimeSpan.FromMinutes(1));

    public static TheoryData<string> Tasks() => [.. PaperTask.All.Select(t => t.Name)];

    private static ComputationalGraph Graph(PaperTask task) => ElimFrontend.CompileFile(Repository.Example(task.File));

    [Theory, MemberData(nameof(Tasks))]
    public void Markowitz_reproduces_the_papers_order_and_the_baseline_costs(string name)
    {
        var task = PaperTask.Named(name);
        var graph = Graph(task);
        var markowitz = Run("markowitz", graph);
        Assert.Equal(ReferenceOrders.MinimalMarkowitz(task).VertexIds, markowitz.Order.VertexIds);
        Assert.Equal(task.MinimalMarkowitz, markowitz.Cost);
        Assert.Equal(task.Forward, Run("forward", graph).Cost);
        Assert.Equal(task.Reverse, Run("reverse", graph).Cost);
    }

    [Theory, MemberData(nameof(Tasks))]
    public void The_game_prices_the_published_order_like_the_reference(string name)
    {
        var task = PaperTask.Named(name);
        var graph = Graph(task);
        var order = ReferenceOrders.AlphaGrad(task);
        var game = new EliminationGame(graph);
        foreach (int id in order.VertexIds) game.Eliminate(id);
        Assert.Equal(task.PublishedOrderCost, game.Cost);
    }

    [Theory, MemberData(nameof(Tasks))]
    public void The_lower_bound_is_below_the_published_order_and_the_portfolio_beats_markowitz(string name)
    {
        var task = PaperTask.Named(name);
        var graph = Graph(task);
        var portfolio = Run("portfolio", graph);
        Assert.True(portfolio.Cost <= Math.Min(task.MinimalMarkowitz, task.Reverse));
        long bound = ConnectivityBound.Of(new EliminationGame(graph)).Total;
        Assert.InRange(bound, graph.EliminableVertices.Count / 2, task.PublishedOrderCost);
        Assert.Equal(bound, portfolio.LowerBound);
    }

    [Theory]
    [InlineData("RobotArm_6DOF", 221)]
    [InlineData("HumanHeartDipole", 148)]
    [InlineData("PropaneCombustion", 88)]
    public void The_portfolio_meets_the_lower_bound_so_its_order_is_proven_optimal(string name, long optimum)
    {
        var result = Run("portfolio", Graph(PaperTask.Named(name)));
        Assert.True(result.ProvenOptimal);
        Assert.Equal(optimum, result.Cost);
        Assert.Equal(optimum, result.LowerBound);
    }

    [Fact]
    public void Annealing_beats_alphagrad_on_roe_flux_within_a_fixed_number_of_moves()
    {
        // g needs about a million moves (seconds in Release); the search report measures it.
        var task = PaperTask.Named("RoeFlux_1d");
        var result = SearchMethods.Create("anneal").Search(Graph(task), SearchBudget.OfIterations(20_000), 1, null, CancellationToken.None);
        Assert.True(result.Cost < task.AlphaGradBest, $"anneal found {result.Cost}, AlphaGrad {task.AlphaGradBest}");
    }

    private static SearchResult Run(string method, ComputationalGraph graph) =>
        SearchMethods.Create(method).Search(graph, Budget, 0, null, CancellationToken.None);
}
