using System.Text.Json.Nodes;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Cli.Tests;

/// <summary><c>elim search</c>: results, the order file, the order store, and bad input.</summary>
[Collection(OrderStoreEnvironment.Name)]
public sealed class SearchCommandTests : IDisposable
{
    private static readonly string Propane = Repository.Example("propane_combustion");
    private readonly TemporaryOrderStore _store = new("elim-search-");

    private string Folder => _store.Directory;

    public void Dispose() => _store.Dispose();

    [Fact]
    public void SearchWritesJsonTheOrderFileAndTheStore()
    {
        string outPath = Path.Combine(Folder, "order.json");
        var run = CliRun.Of("search", Propane, "--method", "portfolio", "--time", "10s", "--seed", "3", "--out", outPath, "--json").WithoutStackTrace();
        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal(88, (long)json["cost"]!);
        Assert.Equal(88, (long)json["lowerBound"]!);
        Assert.True((bool)json["provenOptimal"]!);
        Assert.Equal("portfolio", (string?)json["method"]);
        Assert.Equal(51, json["order"]!.AsArray().Count);
        Assert.True((bool)json["stored"]!);
        var file = OrderFile.Parse(File.ReadAllText(outPath));
        Assert.Equal(88, file.Cost);
        Assert.Equal(json["order"]!.AsArray().Select(n => (int)n!), file.Order.VertexIds);
        Assert.Single(Directory.GetFiles(_store.StoreDirectory));
    }

    [Fact]
    public void AnExistingOrderFileIsNotOverwrittenWithoutForce()
    {
        string outPath = Path.Combine(Folder, "order.json");
        File.WriteAllText(outPath, "[1, 2, 3]");
        Assert.Equal($"error: '{outPath}' exists; pass --force to overwrite it.", RefusedBeforeTheSearch(outPath));
        Assert.Equal("[1, 2, 3]", File.ReadAllText(outPath));
        var forced = CliRun.Of("search", Propane, "--method", "markowitz", "--time", "5s", "--out", outPath, "--no-store", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(111, OrderFile.Parse(File.ReadAllText(outPath)).Cost);
    }

    [Fact]
    public void AnOrderFileInAMissingFolderIsRefusedBeforeTheSearch()
    {
        string outPath = Path.Combine(Folder, "missing", "order.json");
        Assert.Equal($"error: Cannot write '{outPath}': the folder '{Path.GetDirectoryName(outPath)}' does not exist; create it or choose another path.",
            RefusedBeforeTheSearch(outPath));
    }

    [Fact]
    public void AFolderAsTheOrderFileIsRefusedBeforeTheSearch()
    {
        string outPath = Directory.CreateDirectory(Path.Combine(Folder, "order.json")).FullName;
        Assert.Equal($"error: '{outPath}' is a folder; give the path of a file to write.", RefusedBeforeTheSearch(outPath));
    }

    // The search would offer its order to the store (this class's own folder): an empty store shows it never ran.
    private string RefusedBeforeTheSearch(string outPath)
    {
        var run = CliRun.Of("search", Propane, "--method", "portfolio", "--out", outPath).WithoutStackTrace();
        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(_store.StoreDirectory));
        return Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void TheTextSummaryNamesCostBoundAndGap()
    {
        var run = CliRun.Of("search", Repository.Example("roe_flux_1d"), "--method", "anneal", "--iterations", "2000", "--no-store");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^roe_flux_1d: anneal found an order costing \d+ multiplications \(lower bound \d+, gap at most [\d.]+%\) in [\d.]+ s", run.Output);
        var fixedOrder = CliRun.Of("search", Repository.Example("roe_flux_1d"), "--method", "reverse", "--no-store");
        Assert.Matches(@"^roe_flux_1d: reverse found an order costing 364 multiplications \(no lower bound computed\) in [\d.]+ s", fixedOrder.Output);
    }

    [Fact]
    public void TheEmittedCostModelIsNeverDearerThanMarkowitz()
    {
        var markowitz = JsonNode.Parse(CliRun.Of("search", Propane, "--method", "portfolio", "--no-store", "--json").Output)!;
        var emitted = JsonNode.Parse(CliRun.Of("search", Propane, "--method", "portfolio", "--cost", "emitted", "--no-store", "--json").Output)!;
        Assert.Equal("emitted", (string?)emitted["costModel"]);
        Assert.True((long)emitted["cost"]! < (long)markowitz["cost"]!);
    }

    public static TheoryData<string[], string> BadCommandLines() => new()
    {
        { ["--method", "magic"], "error: Unknown search method 'magic'. Valid methods: auto, portfolio, forward, reverse, markowitz" },
        { ["--time", "0s"], "error: --time '0s' must be positive." },
        { ["--time", "-5s"], "error: --time '-5s' must be positive." },
        { ["--time", "soon"], "error: --time 'soon' is not a duration: write it like 60s, 500ms, 2m or 1h." },
        { ["--seed", "x"], "error: --seed 'x' must be a whole number." },
        { ["--iterations", "0"], "error: --iterations '0' must be a positive whole number." },
        { ["--cost", "cheap"], "error: --cost 'cheap' is not a cost model: use markowitz (the paper's |P|·|S|) or emitted (±1 products free)." },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void BadInputGivesAClearMessageAndAUsageExit(string[] options, string message)
    {
        var run = CliRun.Of(["search", Propane, .. options]).WithoutStackTrace();
        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.StartsWith(message, run.Error);
    }
}
