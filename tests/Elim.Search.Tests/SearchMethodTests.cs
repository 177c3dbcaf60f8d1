using Elim.Graph;
using Elim.Search;
using Elim.Testing;

namespace Elim.Search.Tests;

public class SearchMethodTests
{
    private static readonly string[] Anytime = ["auto", "exact", "anneal", "mcts"];

    public static TheoryData<string> AnytimeMethods() => [.. Anytime];

    [Theory]
    [InlineData(1_000_000, 2048, 1.0, 10.0, 2048 + 20_480)]  // 2,048 moves a second, 10 s left: the epoch ends with the time
    [InlineData(10_000, 2048, 1.0, 10.0, 10_000)]            // an epoch that ends in time is kept
    [InlineData(1_000_000, 2048, 1.0, 0.0, 1_000_000)]       // no time left: nothing to fit
    [InlineData(1_000, 2048, 1.0, 10.0, 1_000)]              // an epoch shorter than the moves timed is kept
    public void An_annealing_epoch_too_long_for_the_time_left_is_shortened_to_end_with_it(long epoch, long done, double elapsed, double left, long fitted) =>
        Assert.Equal(fitted, Local.EpochClock.FitEpoch(epoch, done, TimeSpan.FromSeconds(elapsed), TimeSpan.FromSeconds(left)));

    [Theory]
    [InlineData(1_000_000_000, false)]   // one epoch fits: it cools over the whole time
    [InlineData(5_000, true)]            // several fit: whole ones, the last cooled as the time ends
    public void A_time_limited_chain_ends_its_last_epoch_cold_although_its_moves_speed_up(long tunedMoves, bool severalEpochs)
    {
        // Moves five times cheaper cold than hot, as pricing fewer fill-in edges makes them: epochs fitted to the hot
        // pace ended early and left the time to a hot remainder.
        var time = TimeSpan.FromSeconds(0.5);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var epochs = new Local.EpochClock(tunedMoves, moves: null);
        double fraction = 0;
        long moves = 0, coldest = 0;
        int restarts = 0;
        for (; clock.Elapsed < time; moves++)
        {
            (fraction, bool restart) = epochs.Next(moves, () => time - clock.Elapsed);
            if (restart) restarts++;
            if (fraction > 0.999) coldest++;
            var spin = System.Diagnostics.Stopwatch.StartNew();
            while (spin.Elapsed.TotalMicroseconds < 2 + 8 * (1 - fraction)) { }
        }
        Assert.Equal(severalEpochs, restarts > 0);
        Assert.True(fraction > 0.75, $"the last move stood at {fraction:P0} of its epoch's cooling");
        // Re-timed as it goes, the chain cools evenly: a step fitted once to the hot pace spent most moves at the end's temperature.
        Assert.True(coldest < moves / 10, $"{coldest:N0} of {moves:N0} moves at the coldest temperature");
    }

    [Theory, MemberData(nameof(AnytimeMethods))]
    public void The_same_seed_and_iteration_budget_give_the_same_order(string name)
    {
        var graph = RandomGraphs.Create(42, 4, 60);
        var first = Run(name, graph, seed: 7, iterations: 3000);
        var second = Run(name, graph, seed: 7, iterations: 3000);
        Assert.Equal(first.Order.VertexIds, second.Order.VertexIds);
        Assert.Equal(first.Cost, second.Cost);
    }

    [Theory, MemberData(nameof(AnytimeMethods))]
    public void A_search_is_never_worse_than_the_portfolio_and_prices_its_order_right(string name)
    {
        for (int seed = 1; seed <= 6; seed++)
        {
            var graph = RandomGraphs.Create(seed, 3, 40 + 10 * seed);
            long portfolio = Run("portfolio", graph, seed, 1).Cost;
            var result = Run(name, graph, seed, iterations: 1000);
            Assert.True(result.Cost <= portfolio, $"{name} on seed {seed}: {result.Cost} > portfolio {portfolio}");
            Assert.Equal(MarkowitzCost.Of(graph, result.Order), result.Cost);
            Assert.InRange(result.LowerBound, 0, result.Cost);
            Assert.Equal(name, result.Method);
        }
    }

    [Fact]
    public void Annealing_improves_on_the_portfolio_of_a_mid_sized_graph()
    {
        var graph = RandomGraphs.Create(3, 5, 90);
        long portfolio = Run("portfolio", graph, 1, 1).Cost;
        Assert.True(Run("anneal", graph, 1, iterations: 30_000).Cost < portfolio);
    }

    [Fact]
    public void Progress_reports_the_best_cost_as_it_falls()
    {
        var graph = RandomGraphs.Create(3, 5, 90);
        var reports = new List<SearchProgress>();
        var progress = new SynchronousProgress(reports);
        var result = SearchMethods.Create("anneal").Search(graph, SearchBudget.OfIterations(20_000), 1, progress, CancellationToken.None);
        Assert.NotEmpty(reports);
        Assert.Equal(result.Cost, reports.Min(r => r.BestCost));
        Assert.All(reports, r => Assert.Equal("anneal", r.Method));
    }

    [Fact]
    public void Cancellation_ends_a_long_search_with_a_valid_order()
    {
        var graph = RandomGraphs.Create(8, 4, 70);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var result = SearchMethods.Create("auto").Search(graph, SearchBudget.OfTime(TimeSpan.FromMinutes(5)), 1, null, cancel.Token);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(20));
        result.Order.Validate(graph);
    }

    public static TheoryData<string> EveryMethod() => [.. SearchMethods.Names];

    [Theory, MemberData(nameof(EveryMethod))]
    public void Every_method_stops_when_cancelled_with_a_valid_order_and_says_what_was_cut(string name)
    {
        var graph = RandomGraphs.Create(11, 4, 400);
        var result = SearchMethods.Create(name).Search(graph, SearchBudget.OfTime(TimeSpan.FromHours(1)), 1, null, new CancellationToken(canceled: true));
        result.Order.Validate(graph);
        Assert.Equal(MarkowitzCost.Of(graph, result.Order), result.Cost);
        Assert.Contains("ran out of", string.Join(" ", result.Notes));
    }

    [Fact]
    public void Exact_search_refuses_a_graph_above_its_size_limit_and_names_what_to_use()
    {
        var graph = RandomGraphs.Create(5, 3, 2600);
        Assert.True(graph.EliminableVertices.Count > 2_000);
        var refusal = Assert.Throws<SearchUnavailableException>(() => Run("exact", graph, seed: 1, iterations: 10));
        Assert.Contains("handles at most 2,000", refusal.Message);
        Assert.Contains("--method portfolio, anneal or auto", refusal.Message);
    }

    [Theory, MemberData(nameof(AnytimeMethods))]
    public void A_graph_with_nothing_to_eliminate_gives_the_empty_order(string name)
    {
        var builder = new GraphBuilder("nothing");
        var x = builder.AddInput("x");
        builder.MarkOutput("y", builder.Apply(OpKind.Sin, SourceSpan.None, x));
        var result = Run(name, builder.Build(), seed: 1, iterations: 100);
        Assert.Empty(result.Order.VertexIds);
        Assert.Equal(0, result.Cost);
        Assert.True(result.ProvenOptimal);
    }

    [Fact]
    public void Names_are_case_insensitive_and_unknown_names_list_the_valid_ones()
    {
        Assert.Equal("markowitz", SearchMethods.Create("MarKowitz").Name);
        foreach (string name in SearchMethods.Names) Assert.Equal(name, SearchMethods.Create(name).Name);
        var error = Assert.Throws<UnknownSearchMethodException>(() => SearchMethods.Create("simulated-magic"));
        Assert.DoesNotContain("Parameter", error.Message);
        Assert.Contains("'simulated-magic'", error.Message);
        foreach (string name in SearchMethods.Names) Assert.Contains(name, error.Message);
    }

    [Fact]
    public void Budgets_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SearchBudget(TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SearchBudget(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SearchBudget(TimeSpan.FromSeconds(1), 0));
    }

    private static SearchResult Run(string name, ComputationalGraph graph, int seed, long iterations) =>
        SearchMethods.Create(name).Search(graph, SearchBudget.OfIterations(iterations), seed, null, CancellationToken.None);

    private sealed class SynchronousProgress(List<SearchProgress> reports) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
