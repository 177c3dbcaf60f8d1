using System.Globalization;
using System.Text;

namespace Elim.Graph;

/// <summary>
/// Prints a graph as the paper's operation list: <c>K:op(args)</c>, inputs by name, vertices as
/// <c>vK</c>, constants as numbers, integer powers as <c>a^n</c>, outputs marked with <c>*</c>.
/// </summary>
public static class GraphPrinter
{
    /// <summary>One line per vertex.</summary>
    public static IEnumerable<string> Lines(ComputationalGraph graph) => graph.Vertices.Select(v => Line(graph, v));

    /// <summary>The whole list, a line per vertex.</summary>
    public static string Print(ComputationalGraph graph)
    {
        var text = new StringBuilder();
        foreach (string line in Lines(graph)) text.AppendLine(line);
        return text.ToString();
    }

    /// <summary>The line of one vertex.</summary>
    public static string Line(ComputationalGraph graph, Vertex vertex)
    {
        var operands = vertex.Operands.Select(o => Operand(graph, o)).ToArray();
        string body = vertex.Op == OpKind.IntegerPow
            ? $"{operands[0]}^{vertex.Exponent.ToString(CultureInfo.InvariantCulture)}"
            : $"{OpRules.Of(vertex.Op).Name}({string.Join(",", operands)})";
        return $"{vertex.Id}:{body}{(graph.IsOutput(vertex.Id) ? "*" : "")}";
    }

    /// <summary>The printed form of an operand.</summary>
    public static string Operand(ComputationalGraph graph, Operand operand) => operand.Kind switch
    {
        OperandKind.Input => graph.InputNames[operand.Index],
        OperandKind.Vertex => "v" + operand.Index.ToString(CultureInfo.InvariantCulture),
        OperandKind.Data => graph.DataNames[operand.Index],
        _ => operand.Value.ToString("R", CultureInfo.InvariantCulture),
    };
}
