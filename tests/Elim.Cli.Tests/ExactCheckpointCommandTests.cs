using System.Text.Json.Nodes;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Cli.Tests;

/// <summary><c>elim search --method exact</c>: its warm start from the order store, and <c>--checkpoint</c> / <c>--resume</c>.</summary>
[Collection(OrderStoreEnvironment.Name)]
public sealed class ExactCheckpointCommandTests : IDisposable
{
    private static readonly string Lighthouse = Repository.Example("lighthouse");
    private readonly TemporaryOrderStore _store = new("elim-exact-");

    public void Dispose() => _store.Dispose();

    private string In(string name) => Path.Combine(_store.Directory, name);

    // Under the emitted model exact search has no lower bound: lighthouse takes some 74,000 nodes to prove its optimum (18).
    private static CliRun Exact(params string[] options) =>
        CliRun.Of(["search", Lighthouse, "--method", "exact", "--cost", "emitted", "--no-store", .. options]).WithoutStackTrace();

    [Fact]
    public void A_stopped_search_resumed_until_it_is_complete_proves_the_uninterrupted_optimum()
    {
        string checkpoint = In("lighthouse.ckpt");
        var first = Exact("--iterations", "20000", "--checkpoint", checkpoint);
        Assert.Equal(0, first.ExitCode);
        Assert.Matches($@"checkpoint saved to {checkpoint} after 20,\d\d\d nodes and [\d.]+ s in 1 run\(s\); continue with --resume {checkpoint}", first.Output);

        JsonNode json;
        int runs = 1;
        do
        {
            var next = Exact("--iterations", "20000", "--resume", checkpoint, "--json");
            Assert.Equal(0, next.ExitCode);
            Assert.Contains($"note: resumed a search of {runs} run(s), ", next.Error);
            json = JsonNode.Parse(next.Output)!;
            Assert.Equal(checkpoint, (string?)json["checkpoint"]);
            runs++;
        } while (!(bool)json["provenOptimal"]! && runs < 10);

        Assert.InRange(runs, 3, 9);
        Assert.Equal(18, (long)json["cost"]!);
        var done = Exact("--resume", checkpoint);
        Assert.Contains("(proven optimal)", done.Output);
        Assert.Contains($"checkpoint saved to {checkpoint}: the search is complete", done.Output);
    }

    [Fact]
    public void Exact_search_starts_from_the_order_store_s_order()
    {
        // The published order (417) is cheaper than every classical heuristic's (434 at best). Not RoeFlux_1d: tests outside
        // the store's collection compile its best order while this store is the one $ELIM_ORDER_STORE names.
        string g = Repository.Example("g");
        Assert.True(OrderStore.Default().Offer(Frontend.ElimFrontend.CompileFile(g), ReferenceOrders.AlphaGrad(PaperTask.Named("g")), "alphagrad"));
        var run = CliRun.Of("search", g, "--method", "exact", "--time", "4s", "--iterations", "2000", "--no-store", "--json").WithoutStackTrace();
        Assert.Equal(0, run.ExitCode);
        // The short annealing run after it may improve on it within the time (or not, on a busy machine): either way the
        // note names the stored order.
        Assert.Matches(@"note: exact search started from (stored alphagrad|a short annealing run from stored alphagrad \(417\)), costing \d+", run.Error);
        Assert.InRange((long)JsonNode.Parse(run.Output)!["cost"]!, 0, 417);
    }

    [Fact]
    public void An_existing_checkpoint_is_kept_without_force()
    {
        string checkpoint = In("old.ckpt");
        File.WriteAllText(checkpoint, "old");
        Assert.Equal($"error: '{checkpoint}' exists; pass --force to overwrite it.", Refused("--checkpoint", checkpoint));
        Assert.Equal("old", File.ReadAllText(checkpoint));
        Assert.Equal(0, Exact("--iterations", "2000", "--checkpoint", checkpoint, "--force").ExitCode);
        Assert.Contains("\"format\": \"elim exact-search checkpoint\"", File.ReadAllText(checkpoint));
    }

    [Fact]
    public void A_missing_unreadable_or_foreign_checkpoint_is_refused_in_one_line()
    {
        string missing = In("missing.ckpt");
        Assert.Equal($"error: No checkpoint to resume at '{missing}'; leave out --resume to start a fresh search, or give the file --checkpoint saved.",
            Refused("--resume", missing));

        string garbage = In("garbage.ckpt");
        File.WriteAllText(garbage, "[1, 2, 3]");
        Assert.Equal($"error: Cannot resume from '{garbage}': it is not an exact-search checkpoint (no \"format\": \"elim exact-search checkpoint\").",
            Refused("--resume", garbage));

        string folder = Directory.CreateDirectory(In("folder.ckpt")).FullName;
        Assert.Equal($"error: '{folder}' is a folder; give the checkpoint file to resume.", Refused("--resume", folder));

        string propane = In("propane.ckpt");
        Assert.Equal(0, CliRun.Of("search", Repository.Example("propane_combustion"), "--method", "exact", "--cost", "emitted", "--iterations", "2000",
            "--no-store", "--checkpoint", propane).ExitCode);
        string foreign = Refused("--resume", propane);
        Assert.Matches($@"^error: Cannot resume from '{propane}': it was written for 'propane_combustion' \(graph hash [0-9a-f]{{16}}\), " +
            @"not for 'lighthouse' \(graph hash [0-9a-f]{16}\); resume it with the program it was written for, or start a fresh search without it\.$", foreign);
    }

    [Fact]
    public void Checkpoints_belong_to_exact_search()
    {
        var run = CliRun.Of("search", Lighthouse, "--method", "anneal", "--checkpoint", In("x.ckpt")).WithoutStackTrace();
        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.StartsWith("error: --checkpoint and --resume belong to --method exact, not anneal.", run.Error);
        Assert.False(File.Exists(In("x.ckpt")));
    }

    // A refusal before the search: the usage exit code, one line on stderr, nothing printed, nothing stored.
    private string Refused(params string[] options)
    {
        var run = Exact(options);
        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(_store.StoreDirectory));
        return Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
