using System.Text.Json.Nodes;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Cli.Tests;

/// <summary><c>elim store list | show FILE | clear</c> on a store of the test's own.</summary>
[Collection(OrderStoreEnvironment.Name)]
public sealed class StoreCommandTests : IDisposable
{
    private static readonly string Roe = Repository.Example("roe_flux_1d");
    private readonly TemporaryOrderStore _store = new("elim-store-");

    private string StoreDirectory => _store.StoreDirectory;

    public void Dispose() => _store.Dispose();

    [Fact]
    public void An_empty_store_lists_nothing_and_show_names_what_best_compiles_instead()
    {
        var list = CliRun.Of("store", "list").WithoutStackTrace();
        Assert.Equal(0, list.ExitCode);
        Assert.Equal($"order store {StoreDirectory}: 0 entries", list.Output.Trim());

        var show = CliRun.Of("store", "show", Roe).WithoutStackTrace();
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("roe_flux_1d: nothing stored", show.Output);
        Assert.Contains("--order best compiles the cheapest standard order: reverse, 364 multiplications", show.Output);
    }

    [Fact]
    public void A_stored_order_is_listed_shown_used_by_eval_and_cleared()
    {
        var graph = Frontend.ElimFrontend.CompileFile(Roe);
        var published = ReferenceOrders.AlphaGrad(PaperTask.Named("RoeFlux_1d"));
        Assert.True(OrderStore.Default().Offer(graph, published, "alphagrad"));

        var list = JsonNode.Parse(CliRun.Of("store", "list", "--json").WithoutStackTrace().Output)!;
        var entry = Assert.Single(list["entries"]!.AsArray())!;
        Assert.Equal(320, (long)entry["cost"]!);
        Assert.Equal("alphagrad", (string)entry["method"]!);

        var show = JsonNode.Parse(CliRun.Of("store", "show", Roe, "--json").WithoutStackTrace().Output)!;
        Assert.Equal(320, (long)show["stored"]!["cost"]!);
        Assert.Equal(published.VertexIds, show["stored"]!["order"]!.AsArray().Select(id => (int)id!));
        Assert.Equal(364, (long)show["cheapestStandard"]!["cost"]!);

        Assert.Contains("order stored alphagrad", CliRun.Of("eval", Roe, "--at", "0.01,0.02,0.02,0.01,0.03,0.03").WithoutStackTrace().Output);

        var clear = CliRun.Of("store", "clear").WithoutStackTrace();
        Assert.Equal($"order store {StoreDirectory}: removed 1 entry", clear.Output.Trim());
        Assert.Empty(OrderStore.Default().Entries());
        Assert.Contains("order reverse (the cheapest", CliRun.Of("eval", Roe, "--at", "0.01,0.02,0.02,0.01,0.03,0.03").WithoutStackTrace().Output);
    }

    [Fact]
    public void An_unreadable_entry_is_listed_as_such_and_ignored()
    {
        Directory.CreateDirectory(StoreDirectory);
        File.WriteAllText(Path.Combine(StoreDirectory, "0000000000000000.json"), "not json");
        var list = CliRun.Of("store", "list").WithoutStackTrace();
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("0000000000000000.json  (unreadable; ignored)", list.Output);
    }

    [Fact]
    public void Files_the_store_did_not_name_are_neither_listed_nor_cleared()
    {
        var graph = Frontend.ElimFrontend.CompileFile(Roe);
        Assert.True(OrderStore.Default().Offer(graph, StandardOrders.Reverse(graph), "reverse"));
        string[] foreign = ["important.json", "notes.txt", "0123.json", "0000000000000000.json.bak"];
        foreach (string name in foreign) File.WriteAllText(Path.Combine(StoreDirectory, name), "the user's");

        var list = CliRun.Of("store", "list").WithoutStackTrace();
        Assert.StartsWith($"order store {StoreDirectory}: 1 entry", list.Output.Trim());
        Assert.DoesNotContain("important.json", list.Output);

        var clear = CliRun.Of("store", "clear").WithoutStackTrace();
        Assert.Equal($"order store {StoreDirectory}: removed 1 entry", clear.Output.Trim());
        foreach (string name in foreign) Assert.Equal("the user's", File.ReadAllText(Path.Combine(StoreDirectory, name)));
    }

    [Fact]
    public void A_store_path_that_is_a_file_is_a_warning_that_says_so()
    {
        File.WriteAllText(StoreDirectory, "a file where the store's folder would be");
        var run = CliRun.Of("search", Roe, "--method", "reverse", "--time", "1s").WithoutStackTrace();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"warning: could not update the order store '{StoreDirectory}': it is a file, not a folder. " +
            "Set ELIM_ORDER_STORE to a folder you can write, or pass --no-store.", run.Error);
    }

    [Theory]
    [InlineData]
    [InlineData("forget")]
    [InlineData("show")]
    [InlineData("list", "extra")]
    public void Anything_else_is_a_usage_error_naming_the_three_actions(params string[] words)
    {
        var run = CliRun.Of(["store", .. words]).WithoutStackTrace();
        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.Contains("error: Say what to do with the order store: list, show FILE or clear.", run.Error);
    }
}
