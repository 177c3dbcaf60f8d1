using Elim.Graph;
using static TorchSharp.torch;

namespace Elim.TorchBridge;

/// <summary>Runs a graph's operations on torch tensors, a batch of points at a time.</summary>
internal static class TorchTrace
{
    /// <summary>
    /// The output tensors of <paramref name="graph"/> given one tensor per input and one per data input (each
    /// of shape [N], the value at every point, or 0-dimensional). Data inputs are constants to autograd. An
    /// output that depends on no input and no data is a 0-dimensional tensor.
    /// </summary>
    public static Tensor[] Outputs(ComputationalGraph graph, IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor> data)
    {
        if (data.Count != graph.DataCount)
            throw new ArgumentException($"'{graph.Name}' takes {graph.DataCount} data inputs, got {data.Count}.", nameof(data));
        var constantData = data.Select(d => d.detach()).ToArray();
        var nodes = new Tensor[graph.NodeCount];
        for (int i = 0; i < graph.InputCount; i++) nodes[i] = inputs[i];
        foreach (var vertex in graph.Vertices)
        {
            Tensor? Operand(int j) => j < vertex.Operands.Count ? Read(nodes, constantData, graph, vertex.Operands[j]) : null;
            nodes[graph.NodeOf(vertex.Id)] = TorchOps.Of(vertex.Op)(Operand(0)!, Operand(1), Operand(2), vertex.Exponent);
        }
        return graph.Outputs.Select(o => nodes[graph.NodeOf(o.VertexId)]).ToArray();
    }

    private static Tensor Read(Tensor[] nodes, Tensor[] data, ComputationalGraph graph, Operand operand) => operand.Kind switch
    {
        OperandKind.Constant => tensor(operand.Value, float64),
        OperandKind.Data => data[operand.Index],
        _ => nodes[operand.Node(graph.InputCount)],
    };
}
