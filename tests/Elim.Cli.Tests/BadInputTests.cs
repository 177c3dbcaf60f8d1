using Elim.Cli;
using Elim.Testing;

namespace Elim.Cli.Tests;

/// <summary>Malformed command lines and orders: a clear message, the right exit code, never a stack trace.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("elim-cli-").FullName;
    private static readonly string Roe = Repository.Example("roe_flux_1d");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public static TheoryData<string[], int, string> CommandLines() => new()
    {
        { [], CommandLine.UsageError, "" },
        { ["frobnicate"], CommandLine.UsageError, "error: unknown command 'frobnicate'. Commands: check, ops, cost, eval, dot, compile, bench" },
        { ["check"], CommandLine.UsageError, "error: Missing FILE: the .elim file to read." },
        { ["check", "a.elim", "b.elim"], CommandLine.UsageError, "error: Expected one FILE, got 2: a.elim b.elim." },
        { ["check", "/no/such/file.elim"], CommandLine.UsageError, "error: Cannot read '/no/such/file.elim': " },
        { ["check", Roe, "--frobnicate"], CommandLine.UsageError, "error: Unknown option --frobnicate. Known options: --function, --max-vertices, --json." },
        { ["check", Roe, "--json", "--json"], CommandLine.UsageError, "error: --json is given twice." },
        { ["check", Roe, "--function"], CommandLine.UsageError, "error: --function needs a value." },
        { ["cost", Roe, "--order", "sideways"], CommandLine.UsageError, "error: --order 'sideways' is neither best, fwd, rev, markowitz nor an existing order file." },
        { ["eval", Roe], CommandLine.UsageError, "error: Missing --at: give 6 comma-separated numbers, one per input (ul0, ul1, ul2, ur0, ur1, ur2)." },
        { ["eval", Roe, "--at", "1,2"], CommandLine.UsageError, "error: --at has 2 number(s); 'roe_flux_1d' needs 6 comma-separated numbers" },
        { ["eval", Roe, "--at", "1,2,3,x,5,6"], CommandLine.UsageError, "error: --at: 'x' (for ur0) is not a number." },
        { ["eval", Roe, "--at", "1,2,3,1e400,5,6"], CommandLine.UsageError, "error: --at: '1e400' (for ur0) is not a finite number." },
        { ["eval", Roe, "--at", "--json"], CommandLine.UsageError, "error: --at needs a value before --json." },
        { ["bench", Roe, "--batch", "8", "--only", ""], CommandLine.UsageError, "error: --only '': give contender names, comma-separated." },
        { ["bench", Roe, "--batch", "8", "--only", "primal,"], CommandLine.UsageError, "error: --only 'primal,': give contender names, comma-separated." },
        { ["tune", Roe, "--time", "1ms"], CommandLine.UsageError, "error: --time 1ms: tune needs at least 1s" },
        { ["compile", Roe, "--out", ".dll"], CommandLine.UsageError, "error: --out '.dll' has no name before .dll (it becomes the assembly's name)" },
        { ["compile", Roe, "--out", ""], CommandLine.UsageError, "error: --out '' must name a .dll file." },
        { ["search", Roe, "--out", " ", "--time", "1s"], CommandLine.UsageError, "error: An empty path names no file; give the path of a file to write." },
        { ["search", Roe, "--method", "exact", "--checkpoint", "", "--time", "1s"], CommandLine.UsageError, "error: An empty path names no file" },
    };

    [Fact]
    public void OutAndTheCheckpointMayNotNameTheSameFile()
    {
        string path = Path.Combine(_directory, "both.json");
        var run = CliRun.Of("search", Roe, "--method", "exact", "--time", "1s", "--out", path, "--checkpoint", path).WithoutStackTrace();
        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.StartsWith($"error: --out and the checkpoint name the same file, '{path}': one would overwrite the other; give two paths.", run.Error);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void TwoDashesEndTheOptions()
    {
        string odd = Write("odd.elim", "function odd(x) -> (y) { y = x * x; }");
        var run = CliRun.Of("check", "--", odd).WithoutStackTrace();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("function   odd", run.Output);
    }

    [Fact]
    public void AFunctionWithoutInputsIsEvaluatedWithoutAPoint()
    {
        string constant = Write("constant.elim", "function constant() -> (y) { y = 2 * 3; }");
        foreach (string[] point in (string[][])[[], ["--at", ""]])
        {
            var run = CliRun.Of(["eval", constant, .. point]).WithoutStackTrace();
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("y = 6", run.Output);
        }
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void BadCommandLines(string[] args, int exitCode, string message)
    {
        var run = CliRun.Of(args).WithoutStackTrace();
        Assert.Equal(exitCode, run.ExitCode);
        Assert.StartsWith(message, run.Error);
    }

    public static TheoryData<string, string> Orders() => new()
    {
        { "[]", "missing id(s) 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, … (98 in all)" },
        { "[1, 1]", "duplicate id(s) 1" },
        { "[0, 102, -5]", "unknown vertex id(s) 0, 102, -5 (the graph has vertices 1..101)" },
        { "[97]", "output vertex id(s) 97 (outputs that nothing reads are never eliminated)" },
        { "{ nope", "The order file is not valid JSON: line 1, column 3: 'n' is an invalid start of a property name. Expected a '\"'." },
        { "[1, \"2\"]", "Entry 1 of the order is not an integer vertex id: \"2\"." },
        { "{\"order\": 5}", "The order file has no \"order\" array of vertex ids." },
        { "{\"function\": \"other\", \"graphHash\": \"0123456789abcdef\", \"order\": [1]}", "The order was made for another graph (other, hash 0123456789abcdef); 'roe_flux_1d' has hash " },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void BadOrderFiles(string text, string message)
    {
        string path = Write("order.json", text);
        foreach (var args in new[] { new[] { "cost", Roe, "--order", path }, ["eval", Roe, "--at", "1,2,3,4,5,6", "--order", path] })
        {
            var run = CliRun.Of(args).WithoutStackTrace();
            Assert.Equal(CommandLine.OrderError, run.ExitCode);
            Assert.StartsWith($"error: {path}: ", run.Error);
            Assert.Contains(message, run.Error);
        }
    }

    [Fact]
    public void BadSourceGivesDiagnosticsWithPosition()
    {
        string path = Write("bad.elim", "function f(x) -> (y) {\n    y = sin(z);\n}\n");
        var run = CliRun.Of("check", path).WithoutStackTrace();
        Assert.Equal(CommandLine.SourceError, run.ExitCode);
        Assert.StartsWith($"{path}:2:13: error: ", run.Error);
        Assert.Contains("^", run.Error);
    }
}
