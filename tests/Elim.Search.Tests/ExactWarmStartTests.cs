using Elim.Graph;
using Elim.Search.Exact;
using Elim.Testing;

namespace Elim.Search.Tests;

/// <summary>Exact search starts from the cheapest order it is given or the classical heuristics find.</summary>
public class ExactWarmStartTests
{
    [Theory]
    [InlineData(3, 60)]
    [InlineData(5, 40)]
    [InlineData(5, 30)]
    public void A_stopped_search_never_returns_an_order_dearer_than_the_one_it_was_given(int seed, int vertices)
    {
        // Too big to finish in 2,000 nodes (seed 3 at 40 vertices no longer is); annealing finds orders the heuristics do not.
        var graph = RandomGraphs.Create(seed, 3, vertices);
        var annealed = SearchMethods.Create("anneal").Search(graph, SearchBudget.OfIterations(20_000), seed, null, default);
        foreach (var given in new[] { annealed.Order, RandomGraphs.RandomOrder(graph, seed) })
        {
            var result = new BranchAndBound(CostModel.Markowitz)
                .Search(graph, SearchBudget.OfIterations(2000), new ExactStart(given, "the test's order"), null, default).Result;
            Assert.False(result.ProvenOptimal);
            Assert.True(result.Cost <= MarkowitzCost.Of(graph, given), $"{result.Cost} > {MarkowitzCost.Of(graph, given)}");
        }
    }

    [Theory]
    [InlineData(5, 23)]
    [InlineData(19, 27)]
    [InlineData(38, 26)]
    public void Given_the_optimum_the_search_names_it_and_proves_it_in_no_more_nodes(int seed, int vertices)
    {
        var graph = ExactResumeTests.Graph(seed, vertices);
        var exact = new BranchAndBound(CostModel.Markowitz);
        var cold = exact.Search(graph, SearchBudget.OfTime(TimeSpan.FromMinutes(5)), ExactStart.Fresh, null, default).Result;
        Assert.Contains(cold.Notes, StartedFromHeuristicsOrAnnealing);
        Assert.True(cold.ProvenOptimal);

        var warm = exact.Search(graph, SearchBudget.OfTime(TimeSpan.FromMinutes(5)), new ExactStart(cold.Order, "the optimum"), null, default).Result;
        Assert.True(warm.ProvenOptimal);
        Assert.Equal(cold.Cost, warm.Cost);
        Assert.Equal(cold.Order.VertexIds, warm.Order.VertexIds);
        Assert.Contains($"exact search started from the optimum, costing {cold.Cost}", warm.Notes);
        Assert.True(warm.Evaluations <= cold.Evaluations, $"warm {warm.Evaluations} nodes, cold {cold.Evaluations}");
    }

    [Fact]
    public void The_heuristics_replace_a_given_order_that_costs_more()
    {
        var graph = RandomGraphs.Create(5, 4, 23);
        var worst = RandomGraphs.RandomOrder(graph, 1);
        var result = new BranchAndBound(CostModel.Markowitz)
            .Search(graph, SearchBudget.OfIterations(1), new ExactStart(worst, "a random order"), null, default).Result;
        Assert.True(MarkowitzCost.Of(graph, worst) > result.Cost);
        Assert.Contains(result.Notes, StartedFromHeuristicsOrAnnealing);
    }

    [Fact]
    public void A_short_annealing_run_improves_on_the_heuristics_where_they_miss()
    {
        var graph = Elim.Frontend.ElimFrontend.CompileFile(Repository.Example(PaperTask.Named("RoeFlux_1d").File));
        var run = new SearchRun(BranchAndBound.MethodName, SearchBudget.OfTime(TimeSpan.FromMinutes(1)), null, default);
        var warmStart = new WarmStart(new Elim.Search.Game.EliminationGame(graph), run, default);
        warmStart.PlayHeuristics();
        long heuristics = run.BestCost;
        warmStart.Anneal();
        Assert.True(run.BestCost < heuristics, $"{run.BestCost} >= {heuristics}");
        Assert.Equal($"exact search started from a short annealing run from the classical heuristics' best order ({heuristics}), " +
            $"costing {run.BestCost}", warmStart.Note);
    }

    private static bool StartedFromHeuristicsOrAnnealing(string note) =>
        note.StartsWith("exact search started from the classical heuristics' best order", StringComparison.Ordinal)
        || note.StartsWith("exact search started from a short annealing run", StringComparison.Ordinal);

    [Fact]
    public void A_given_order_that_is_not_complete_is_refused()
    {
        var graph = RandomGraphs.Create(5, 4, 23);
        var partial = new EliminationOrder(graph.EliminableVertices.Skip(1));
        Assert.Throws<InvalidOrderException>(() => new BranchAndBound(CostModel.Markowitz)
            .Search(graph, SearchBudget.OfIterations(1), new ExactStart(partial, "half an order"), null, default));
    }
}
