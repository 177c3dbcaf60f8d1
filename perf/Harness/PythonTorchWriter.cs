using System.Globalization;
using System.Text;
using Elim.Graph;

namespace Elim.Perf;

/// <summary>
/// Writes a graph as a PyTorch function <c>f(x)</c> of a 1-D float64 tensor, one torch operation per
/// vertex in the same order, so functorch differentiates exactly the function Elim compiles.
/// </summary>
public static class PythonTorchWriter
{
    /// <summary>The Python module text defining <c>f</c>.</summary>
    public static string Write(ComputationalGraph graph)
    {
        var code = new StringBuilder();
        code.AppendLine("import torch");
        code.AppendLine();
        code.AppendLine("def C(value):");
        code.AppendLine("    return torch.tensor(value, dtype=torch.float64)");
        code.AppendLine();
        code.AppendLine("def f(x):");
        for (int i = 0; i < graph.InputCount; i++) code.AppendLine($"    i{i} = x[{i}]");
        foreach (var vertex in graph.Vertices)
        {
            var operands = vertex.Operands.Select(o => Operand(graph, o)).ToArray();
            code.AppendLine($"    v{vertex.Id} = {Expression(vertex, operands)}");
        }
        code.AppendLine($"    return torch.stack([{string.Join(", ", graph.Outputs.Select(o => $"v{o.VertexId}"))}])");
        return code.ToString();
    }

    private static string Operand(ComputationalGraph graph, Operand operand) => operand.Kind switch
    {
        OperandKind.Input => $"i{operand.Index}",
        OperandKind.Vertex => $"v{operand.Index}",
        _ => $"C({operand.Value.ToString("R", CultureInfo.InvariantCulture)})",
    };

    private static string Expression(Vertex vertex, string[] o) => vertex.Op switch
    {
        OpKind.Copy => $"{o[0]} * 1.0",
        OpKind.Neg => $"-{o[0]}",
        OpKind.Add => $"{o[0]} + {o[1]}",
        OpKind.Sub => $"{o[0]} - {o[1]}",
        OpKind.Mul => $"{o[0]} * {o[1]}",
        OpKind.Div => $"{o[0]} / {o[1]}",
        OpKind.IntegerPow => $"{o[0]} ** {vertex.Exponent}",
        OpKind.Pow => $"torch.pow({o[0]}, {o[1]})",
        OpKind.Logistic => $"torch.sigmoid({o[0]})",
        OpKind.Square => $"torch.square({o[0]})",
        OpKind.Min => $"torch.minimum({o[0]}, {o[1]})",
        OpKind.Max => $"torch.maximum({o[0]}, {o[1]})",
        _ => $"torch.{OpRules.Of(vertex.Op).Name}({string.Join(", ", o)})",
    };
}
