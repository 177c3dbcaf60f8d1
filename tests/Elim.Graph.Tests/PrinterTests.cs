using Elim.Graph;
using Elim.Testing;

namespace Elim.Graph.Tests;

public class PrinterTests
{
    [Fact]
    public void GraphvizListsEveryNodeAndEdge()
    {
        var graph = RandomGraphs.Create(seed: 11, inputs: 3, vertices: 25);
        string dot = GraphvizWriter.Write(graph);

        Assert.StartsWith("digraph \"random11\" {", dot);
        Assert.Equal(graph.Edges.Count, dot.Split('\n').Count(line => line.Contains(" -> ")));
        Assert.Equal(graph.OutputCount, dot.Split('\n').Count(line => line.Contains("shape=doublecircle")));
        Assert.EndsWith("}\n", dot.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void PrintsOneLinePerVertexWithOutputsStarred()
    {
        var graph = RandomGraphs.Create(seed: 12, inputs: 2, vertices: 30);
        var lines = GraphPrinter.Lines(graph).ToList();

        Assert.Equal(graph.VertexCount, lines.Count);
        Assert.Equal(graph.OutputCount, lines.Count(l => l.EndsWith('*')));
        Assert.All(lines.Select((line, i) => (line, i)), p => Assert.StartsWith($"{p.i + 1}:", p.line));
    }
}
