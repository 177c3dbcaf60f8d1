using Elim.Graph;
using static TorchSharp.torch;

namespace Elim.TorchBridge;

/// <summary>Runs a graph's operations on torch tensors, a batch of points at a time.</summary>
internal static class TorchTrace
{
    /// <summary>
    /// The output tensors of <paramref name="graph"/> given one tensor per input (each of shape [N], the
    /// input's value at every point). An output that depends on no input is a 0-dimensional tensor.
    /// </summary>
    public static Tensor[] Outputs(ComputationalGraph graph, IReadOnlyList<Tensor> inputs)
    {
        var nodes = new Tensor[graph.NodeCount];
        for (int i = 0; i < graph.InputCount; i++) nodes[i] = inputs[i];
        foreach (var vertex in graph.Vertices)
        {
            var a = Read(nodes, graph, vertex.Operands[0]);
            var b = vertex.Operands.Count > 1 ? Read(nodes, graph, vertex.Operands[1]) : null;
            nodes[graph.NodeOf(vertex.Id)] = TorchOps.Of(vertex.Op)(a, b, vertex.Exponent);
        }
        return graph.Outputs.Select(o => nodes[graph.NodeOf(o.VertexId)]).ToArray();
    }

    private static Tensor Read(Tensor[] nodes, ComputationalGraph graph, Operand operand) =>
        operand.IsConstant ? tensor(operand.Value, float64) : nodes[operand.Node(graph.InputCount)];
}
