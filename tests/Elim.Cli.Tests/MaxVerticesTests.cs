using Elim.Cli;
using Elim.Testing;

namespace Elim.Cli.Tests;

/// <summary>
/// <c>--max-vertices N</c> on every command that builds a graph: a program that expands past the limit stops with a
/// located message naming what expands.
/// </summary>
public sealed class MaxVerticesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("elim-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public static TheoryData<string[]> GraphCommands() => new()
    {
        { ["check"] },
        { ["ops"] },
        { ["dot"] },
        { ["eval", "--at", "0.5"] },
        { ["cost"] },
        { ["search", "--method", "markowitz", "--no-store"] },
        { ["compile", "--out", "never-written.dll"] },
        { ["bench", "--batch", "10"] },
    };

    [Theory]
    [MemberData(nameof(GraphCommands))]
    public void Every_graph_command_stops_at_the_limit_naming_the_helper_chain(string[] command)
    {
        string file = Write("chain.elim", DoublingHelperChain.Generate(4));
        var run = CliRun.Of([command[0], file, "--max-vertices", "40", .. command[1..]]).WithoutStackTrace();

        Assert.Equal(CommandLine.SourceError, run.ExitCode);
        // main makes 62 vertices; the 41st is the '*' of h1 in the second call of h3.
        Assert.Contains($"{file}:2:25: error: the graph has more than 40 vertices, inlining 4 nested helper calls: main -> h4 (line 6) -> h3 (line 5) -> h2 (line 4) -> h1 (line 3)", run.Error);
        Assert.Contains("raise the limit (elim --max-vertices N; CompileOptions.MaxVertices in the API)", run.Error);
        Assert.False(File.Exists("never-written.dll"));
    }

    [Fact]
    public void The_same_program_passes_under_a_limit_it_fits()
    {
        var run = CliRun.Of("check", Write("chain.elim", DoublingHelperChain.Generate(4)), "--max-vertices", $"{DoublingHelperChain.Vertices(4)}", "--json").WithoutStackTrace();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"\"vertices\": {DoublingHelperChain.Vertices(4)}", run.Output);
    }

    [Fact]
    public void The_default_limit_stops_a_chain_of_eight_million_vertices_at_one_million()
    {
        var run = CliRun.Of("check", Write("chain.elim", DoublingHelperChain.Generate(20))).WithoutStackTrace();
        Assert.Equal(CommandLine.SourceError, run.ExitCode);
        Assert.Contains("error: the graph has more than 1,000,000 vertices, inlining 21 nested helper calls: main -> h20 (line 22)", run.Error);
    }

    [Fact]
    public void A_big_loop_names_the_loop()
    {
        string file = Write("loop.elim", "function f(x) -> (y) {\n    s[0] = x;\n    for i in 1..100000 { s[i] = sin(s[i - 1]); }\n    y = s[99999];\n}\n");
        var run = CliRun.Of("check", file, "--max-vertices", "5000").WithoutStackTrace();

        Assert.Equal(CommandLine.SourceError, run.ExitCode);
        Assert.Contains($"{file}:3:26: error: the graph has more than 5,000 vertices, in iteration 5,001 of 99,999 of the loop over 'i' at line 3", run.Error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    [InlineData("99999999999")]
    public void A_bad_limit_is_a_usage_error(string limit)
    {
        var run = CliRun.Of("check", Write("chain.elim", DoublingHelperChain.Generate(2)), "--max-vertices", limit).WithoutStackTrace();
        Assert.Equal(CommandLine.UsageError, run.ExitCode);
        Assert.StartsWith($"error: --max-vertices '{limit}' must be a positive whole number (at most 2,147,483,647).", run.Error);
    }
}
