using System.Text;

namespace Elim.Graph;

/// <summary>Writes a graph in Graphviz dot: inputs as boxes, outputs double-circled, intermediates as circles.</summary>
public static class GraphvizWriter
{
    /// <summary>The dot text of <paramref name="graph"/>.</summary>
    public static string Write(ComputationalGraph graph)
    {
        var dot = new StringBuilder();
        dot.AppendLine($"digraph \"{Escape(graph.Name)}\" {{");
        dot.AppendLine("  rankdir=LR;");
        for (int i = 0; i < graph.InputCount; i++)
            dot.AppendLine($"  n{i} [shape=box, label=\"{Escape(graph.InputNames[i])}\"];");
        foreach (var vertex in graph.Vertices)
        {
            string label = Escape(GraphPrinter.Line(graph, vertex).TrimEnd('*'));
            var output = graph.Outputs.FirstOrDefault(o => o.VertexId == vertex.Id);
            string shape = output is null ? "ellipse" : "doublecircle";
            if (output is not null) label += "\\n" + Escape(output.Name);
            dot.AppendLine($"  n{graph.NodeOf(vertex.Id)} [shape={shape}, label=\"{label}\"];");
        }
        foreach (var edge in graph.Edges) dot.AppendLine($"  n{edge.Source} -> n{edge.Target};");
        dot.AppendLine("}");
        return dot.ToString();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
