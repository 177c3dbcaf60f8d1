using System.Text.RegularExpressions;
using Elim.Frontend;
using Elim.Graph;
using Elim.Testing;

namespace Elim.Examples.Tests;

/// <summary>The example files lower to exactly the paper's vertex lists (tests/data/paper-operation-lists.md).</summary>
public partial class OperationListTests
{
    private static readonly string Lists = File.ReadAllText(Repository.PathOf("tests/data/paper-operation-lists.md"));

    [Theory]
    [InlineData("RoeFlux_1d")]
    [InlineData("HumanHeartDipole")]
    [InlineData("PropaneCombustion")]
    [InlineData("RobotArm_6DOF")]
    public void VertexListEqualsThePapers(string name)
    {
        var task = PaperTask.Named(name);
        var match = Regex.Match(Lists, $@"^{Regex.Escape(name)} \((\d+)\): (.*?)(?=^\w+ \(\d+\):|^```)", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(match.Success, $"no list for {name}");
        var expected = match.Groups[2].Value.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

        var graph = ElimFrontend.CompileFile(Repository.Example(task.File));

        Assert.Equal(int.Parse(match.Groups[1].Value), graph.VertexCount);
        Assert.Equal(expected, GraphPrinter.Lines(graph));
    }

    [Fact]
    public void GEqualsItsOperationList()
    {
        // The list is written as vK=expression over inputs v0..v14, constants v15 = v16 = 1 and vertex k = v(k+16).
        string section = Lists[Lists.IndexOf("### g,", StringComparison.Ordinal)..];
        var statements = GStatement().Matches(section);
        var outputs = GOutputs().Match(section).Groups[1].Value.Split(',');
        var expected = statements.Select((m, i) =>
        {
            string Operand(string token) => int.Parse(token[1..]) switch
            {
                <= 14 and var k => $"x{k}",
                15 or 16 => "1",
                var k => $"v{k - 16}",
            };
            var g = m.Groups;
            string body = g["func"].Success
                ? $"{(g["func"].Value == "sq" ? "square" : g["func"].Value)}({string.Join(",", g["args"].Value.Split(',').Select(Operand))})"
                : g["neg"].Success ? $"neg({Operand(g["neg"].Value)})"
                : $"{BinaryName(g["op"].Value)}({Operand(g["a"].Value)},{Operand(g["b"].Value)})";
            return $"{i + 1}:{body}{(outputs.Contains(g["lhs"].Value) ? "*" : "")}";
        }).ToList();

        var graph = ElimFrontend.CompileFile(Repository.Example("g"));

        Assert.Equal(105, expected.Count);
        Assert.Equal(expected, GraphPrinter.Lines(graph));
        Assert.Equal(outputs, graph.Outputs.Select(o => o.Name));
    }

    private static string BinaryName(string op) => op switch
    {
        "+" => "add", "-" => "sub", "*" => "mul", "/" => "div", "^" => "pow",
        _ => throw new ArgumentException(op),
    };

    [GeneratedRegex(@"(?<lhs>v\d+)=(?:(?<func>[a-z0-9]+)\((?<args>[v\d,]+)\)|-(?<neg>v\d+)|(?<a>v\d+)(?<op>[-+*/^])(?<b>v\d+))")]
    private static partial Regex GStatement();

    [GeneratedRegex(@"outputs: \(([^)]*)\)")]
    private static partial Regex GOutputs();
}
