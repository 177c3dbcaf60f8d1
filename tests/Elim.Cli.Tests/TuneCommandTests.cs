using System.Text.Json.Nodes;
using Elim.Cli.Tune;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Cli.Tests;

/// <summary><c>elim tune FILE</c> on a store of the test's own, and what the store does with measured orders.</summary>
[Collection(OrderStoreEnvironment.Name)]
public sealed class TuneCommandTests : IDisposable
{
    private static readonly string Lighthouse = Repository.Example("lighthouse");
    private const string LighthousePoint = "3.7,0.7,0.25,2";
    private readonly TemporaryOrderStore _store = new("elim-tune-");

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Tune_stores_the_fastest_measured_order_which_store_show_and_eval_best_then_use_and_name()
    {
        var run = CliRun.Of("tune", Lighthouse, "--time", "1s", "--batch", "50", "--candidates", "3", "--json").WithoutStackTrace();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("tune: round 5/5", run.Error);
        var json = JsonNode.Parse(run.Output)!;
        var candidates = json["candidates"]!.AsArray().Select(c => c!).ToList();
        Assert.InRange(candidates.Count, 1, 3);
        var picked = Assert.Single(candidates, c => (bool)c["picked"]!);
        Assert.Equal(candidates.Min(c => (double)c["secondsPerPoint"]!), (double)picked["secondsPerPoint"]!);
        Assert.Equal(candidates.Min(c => (long)c["cost"]!), (long)candidates[0]["cost"]!);
        Assert.True((bool)json["stored"]!);

        var graph = Frontend.ElimFrontend.CompileFile(Lighthouse);
        var stored = OrderStore.Default().TryGetBest(graph)!;
        Assert.Equal(picked["order"]!.AsArray().Select(id => (int)id!), stored.Order.VertexIds);
        Assert.Equal(50, stored.Measured!.Batch);
        Assert.Equal((double)picked["secondsPerPoint"]!, stored.Measured.SecondsPerPoint);

        var show = CliRun.Of("store", "show", Lighthouse).WithoutStackTrace().Output;
        Assert.Contains("what --order best compiles", show);
        Assert.Contains($"tuned: {stored.Measured}, 1 thread(s), on ", show);
        Assert.Equal(50, (int)JsonNode.Parse(CliRun.Of("store", "show", Lighthouse, "--json").Output)!["stored"]!["measured"]!["batch"]!);
        Assert.Contains($"order tuned, {stored.Measured} (stored ", CliRun.Of("eval", Lighthouse, "--at", LighthousePoint).WithoutStackTrace().Output);
    }

    [Fact]
    public void The_table_marks_the_pick_and_no_store_leaves_the_store_alone()
    {
        var run = CliRun.Of("tune", Lighthouse, "--time", "1s", "--batch", "20", "--candidates", "2", "--no-store").WithoutStackTrace();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ns/point median [min–max]", run.Output);
        Assert.Single(run.Output.Split('\n'), line => line.StartsWith("  * ", StringComparison.Ordinal));
        Assert.Contains("picked (*): ", run.Output);
        Assert.Empty(OrderStore.Default().Entries());
    }

    [Fact]
    public void A_cheaper_unmeasured_order_does_not_replace_a_measured_one_and_search_says_so()
    {
        var graph = Frontend.ElimFrontend.CompileFile(Lighthouse);
        var store = OrderStore.Default();
        var forward = OrderFile.For(graph, StandardOrders.Forward(graph), "forward") with { Measured = Measurement(30e-9) };
        Assert.True(store.Offer(graph, forward));
        Assert.False(store.Offer(graph, StandardOrders.MinimalMarkowitz(graph), "markowitz"));
        Assert.Equal(StandardOrders.Forward(graph).VertexIds, store.TryGetBest(graph)!.Order.VertexIds);

        var search = CliRun.Of("search", Lighthouse, "--method", "markowitz", "--time", "1s").WithoutStackTrace();
        Assert.Contains("not stored: the store keeps its measured order (tuned, 30 ns/point at batch 1000 (stored forward))", search.Output);
    }

    [Fact]
    public void A_measured_order_replaces_an_unmeasured_one_and_a_measured_one_only_when_faster_or_measured_elsewhere()
    {
        var graph = Frontend.ElimFrontend.CompileFile(Lighthouse);
        var store = OrderStore.Default();
        Assert.True(store.Offer(graph, StandardOrders.MinimalMarkowitz(graph), "markowitz"));
        OrderFile Reverse(OrderMeasurement m) => OrderFile.For(graph, StandardOrders.Reverse(graph), "reverse") with { Measured = m };
        OrderFile Forward(OrderMeasurement m) => OrderFile.For(graph, StandardOrders.Forward(graph), "forward") with { Measured = m };

        Assert.True(store.Offer(graph, Reverse(Measurement(30e-9))));
        Assert.False(store.Offer(graph, Forward(Measurement(31e-9))));
        Assert.True(store.Offer(graph, Forward(Measurement(29e-9))));
        Assert.True(store.Offer(graph, Reverse(Measurement(40e-9) with { Machine = "another machine" })));
        Assert.Equal(StandardOrders.Reverse(graph).VertexIds, store.TryGetBest(graph)!.Order.VertexIds);
        Assert.True(store.Offer(graph, Forward(Measurement(50e-9) with { Batch = 10 })));
        Assert.Equal("forward", store.TryGetBest(graph)!.Method);
    }

    [Fact]
    public void The_stored_order_timed_again_is_judged_by_its_new_time_and_a_new_time_of_the_same_order_replaces_the_old()
    {
        var graph = Frontend.ElimFrontend.CompileFile(Lighthouse);
        var store = OrderStore.Default();
        var reverse = StandardOrders.Reverse(graph);
        Assert.True(store.Offer(graph, OrderFile.For(graph, reverse, "reverse") with { Measured = Measurement(15e-9) }));
        var forward = OrderFile.For(graph, StandardOrders.Forward(graph), "forward") with { Measured = Measurement(20e-9) };

        Assert.False(store.Offer(graph, forward));
        Assert.False(store.Offer(graph, forward, order => order.VertexIds.SequenceEqual(reverse.VertexIds) ? Measurement(19e-9) : null));
        Assert.True(store.Offer(graph, forward, order => order.VertexIds.SequenceEqual(reverse.VertexIds) ? Measurement(25e-9) : null));
        Assert.Equal(20e-9, store.TryGetBest(graph)!.Measured!.SecondsPerPoint);

        Assert.True(store.Offer(graph, forward with { Measured = Measurement(22e-9) }));
        Assert.Equal(22e-9, store.TryGetBest(graph)!.Measured!.SecondsPerPoint);
    }

    [Fact]
    public void A_measurement_round_trips_through_the_order_file_and_old_files_read_without_one()
    {
        var graph = Frontend.ElimFrontend.CompileFile(Lighthouse);
        var file = OrderFile.For(graph, StandardOrders.Reverse(graph), "reverse") with { Measured = Measurement(25.4e-9) };
        var read = OrderFile.Parse(file.ToJson());
        Assert.Equal(file.Measured, read.Measured);
        Assert.Equal("25.4 ns/point at batch 1000", read.Measured!.ToString());

        var old = OrderFile.Parse("""{"function": "lighthouse", "order": [1, 2], "cost": 7, "method": "anneal"}""");
        Assert.Null(old.Measured);
        Assert.Equal(7, old.Cost);
    }

    [Fact]
    public void The_pick_is_the_fastest_median_and_the_cheaper_order_on_a_tie()
    {
        Assert.Equal(2, TuneSelection.Pick([new(100, 30e-9), new(120, 28e-9), new(150, 25e-9), new(90, 26e-9)]));
        Assert.Equal(0, TuneSelection.Pick([new(100, 20e-9), new(120, 28e-9), new(150, 25e-9)]));
        Assert.Equal(1, TuneSelection.Pick([new(120, 20e-9), new(100, 20e-9), new(90, 21e-9)]));
        Assert.Equal(0, TuneSelection.Pick([new(120, 20e-9)]));
    }

    [Theory]
    [InlineData("--candidates", "0", "error: --candidates '0' is not a positive whole number.")]
    [InlineData("--batch", "many", "error: --batch 'many' is not a positive whole number.")]
    [InlineData("--time", "-1s", "error: --time '-1s' must be positive.")]
    [InlineData("--seed", "x", "error: --seed 'x' must be a whole number.")]
    public void A_bad_option_is_one_line_and_the_usage(string option, string value, string message)
    {
        var run = CliRun.Of("tune", Lighthouse, option, value).WithoutStackTrace();
        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        var lines = run.Error.Trim().Split('\n');
        Assert.Equal(message, lines[0].TrimEnd());
        Assert.StartsWith("usage: elim tune FILE", lines[1]);
    }

    [Fact]
    public void A_folder_or_a_missing_file_is_one_line_naming_it()
    {
        var folder = CliRun.Of("tune", _store.Directory).WithoutStackTrace();
        Assert.Equal(CommandLine.UsageError, folder.ExitCode);
        Assert.Equal($"error: '{_store.Directory}' is a folder; give the .elim file to read.", folder.Error.Trim());

        string missing = Path.Combine(_store.Directory, "missing.elim");
        var absent = CliRun.Of("tune", missing).WithoutStackTrace();
        Assert.Equal(CommandLine.UsageError, absent.ExitCode);
        Assert.Single(absent.Error.Trim().Split('\n'));
        Assert.Contains(missing, absent.Error);
    }

    private static OrderMeasurement Measurement(double secondsPerPoint) =>
        new(secondsPerPoint, secondsPerPoint * 0.9, secondsPerPoint * 1.1, 1000, 1, "test machine");
}
