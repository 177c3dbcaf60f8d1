using System.Text.Json.Nodes;
using Elim.Cli.Bench;
using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Cli.Tests;

/// <summary>
/// <c>--data</c> beside <c>--at</c>: the data of a program with data parameters, and clear usage errors when they are
/// missing, miscounted, not numbers, or given for a graph without data.
/// </summary>
public sealed class DataOptionTests
{
    private const string RoePoint = "0.01,0.02,0.02,0.01,0.03,0.03";
    private static readonly string Roe = Repository.Example("roe_flux_1d");

    // Branches on both inputs and data, a NaN test (x != x), and data in every kind of place.
    private const string PiecewiseText = """
        function piecewise(x, y, data w, data t) -> (s, u, v, p, g) {
            s = x < t ? sin(x * y) - w : sqrt(x) * w;
            g = y <= w && !(x == y) || x != x;
            u = g ? x * y : y / w;
            p = cos(w) * t;
            v = x * p + s;
        }
        """;

    private static readonly string PiecewiseFile = WriteProgram();
    private static readonly ComputationalGraph Piecewise = ElimFrontend.Compile(PiecewiseText, PiecewiseFile);

    private static string WriteProgram()
    {
        string path = Path.Combine(Path.GetTempPath(), $"elim-piecewise-{Environment.ProcessId}.elim");
        File.WriteAllText(path, PiecewiseText);
        return path;
    }

    /// <summary><c>elim eval piecewise.elim ARGS</c> (w, t are its data inputs).</summary>
    private static CliRun Eval(params string[] args) => CliRun.Of(["eval", PiecewiseFile, .. args]).WithoutStackTrace();

    [Theory]
    [InlineData("il")]
    [InlineData("interpreter")]
    public void EvalWithDataGivesTheInterpretersNumbers(string backend)
    {
        var run = Eval("--at", "0.3,0.7", "--data", "1.5,1", "--order", "rev", "--backend", backend, "--json");
        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal([1.5, 1.0], json["data"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(["w", "t"], json["dataInputs"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(Interpreter.Evaluate(Piecewise, [0.3, 0.7], [1.5, 1.0]), json["values"]!.AsArray().Select(v => (double)v!));
        var jacobian = Interpreter.EliminationJacobian(Piecewise, [0.3, 0.7], StandardOrders.Reverse(Piecewise), [1.5, 1.0]);
        var rows = json["jacobian"]!.AsArray();
        Assert.Equal(Piecewise.OutputCount, rows.Count);
        for (int o = 0; o < rows.Count; o++)
            Assert.Equal([jacobian[o, 0], jacobian[o, 1]], rows[o]!.AsArray().Select(v => (double)v!));
    }

    [Fact]
    public void CheckNamesTheDataInputsUnderTheKeyEvalUses()
    {
        var run = CliRun.Of("check", PiecewiseFile, "--json");
        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal(["w", "t"], json["dataInputs"]!.AsArray().Select(v => (string)v!));
        Assert.Null(json["data"]);
    }

    [Fact]
    public void EvalOnTheIlgpuCpuAcceleratorTakesTheData()
    {
        var cpu = Eval("--at", "2,0.7", "--data", "1.5,1", "--json");
        var kernel = Eval("--at", "2,0.7", "--data", "1.5,1", "--device", "ilgpu-cpu", "--json");
        Assert.Equal(0, kernel.ExitCode);
        Assert.Equal(JsonNode.Parse(cpu.Output)!["values"]!.ToJsonString(), JsonNode.Parse(kernel.Output)!["values"]!.ToJsonString());
    }

    [Fact]
    public void EvalNamesTheDataItUsed()
    {
        var run = Eval("--at", "0.3,0.7", "--data", "1.5,1");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("piecewise at (0.3, 0.7) with data (1.5, 1)", run.Output);
    }

    public static TheoryData<string[], string> BadData() => new()
    {
        { [], "error: Missing --data: 'piecewise' reads data; give 2 comma-separated numbers, one per data input (w, t).\n" },
        { ["--data", "1"], "error: --data has 1 number(s); 'piecewise' needs 2 comma-separated numbers, one per data input (w, t).\n" },
        { ["--data", "1,2,3"], "error: --data has 3 number(s); 'piecewise' needs 2 comma-separated numbers, one per data input (w, t).\n" },
        { ["--data", "1,x"], "error: --data: 'x' (for t) is not a number.\n" },
    };

    [Theory]
    [MemberData(nameof(BadData))]
    public void MissingMiscountedOrMalformedDataAreOneLineUsageErrors(string[] data, string message)
    {
        var run = Eval(["--at", "0.3,0.7", .. data]);
        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.StartsWith(message, run.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void DataForAGraphWithoutDataInputsIsAUsageError()
    {
        foreach (var args in new[] { new[] { "eval", Roe, "--at", RoePoint, "--data", "1" }, ["bench", Roe, "--batch", "8", "--data", "1"] })
        {
            var run = CliRun.Of(args).WithoutStackTrace();
            Assert.Equal(CommandLine.UsageError, run.ExitCode);
            Assert.StartsWith("error: --data: 'roe_flux_1d' has no data inputs; leave --data out.", run.Error);
        }
    }

    [Fact]
    public void BenchPointsGetTheGivenDataOrDataNearTheTypicalData()
    {
        Assert.Equal([1.5, 1.0, 1.5, 1.0, 1.5, 1.0], BenchPoints.Data(Piecewise, PiecewiseText, [1.5, 1.0], 3));
        var random = BenchPoints.Data(Piecewise, PiecewiseText, null, 50);
        Assert.Equal(100, random.Length);
        Assert.All(random, d => Assert.InRange(d, 0.4975, 0.5025));
        Assert.Equal(random, BenchPoints.Data(Piecewise, PiecewiseText, null, 50)); // seeded
        var typical = BenchPoints.Data(Piecewise, "// Typical data (w, t): 2, -4\n" + PiecewiseText, null, 50);
        Assert.All(typical.Where((_, k) => k % 2 == 0), w => Assert.InRange(w, 1.99, 2.01));
        Assert.All(typical.Where((_, k) => k % 2 == 1), t => Assert.InRange(t, -4.02, -3.98));
    }

    [Fact]
    public void EveryContenderRunsABatchWithData()
    {
        var bench = new BenchCase(Piecewise, BenchPoints.Around([0.3, 0.7], 13), BenchPoints.Data(Piecewise, PiecewiseText, null, 13), 13, Threads: 2);
        foreach (var contender in BenchContenders.All)
        {
            var (run, points) = contender.Prepare(bench);
            run();
            Assert.InRange(points, 1, 13);
        }
    }
}
