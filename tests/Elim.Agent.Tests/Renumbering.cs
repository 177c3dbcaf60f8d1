using Elim.Graph;

namespace Elim.Agent.Tests;

/// <summary>
/// Rebuilds a graph with its inputs permuted and its vertices applied in another (random, valid)
/// topological order: the same function and the same graph up to numbering.
/// </summary>
internal static class Renumbering
{
    /// <summary>The renumbered graph and, per old vertex id, its new id.</summary>
    public static (ComputationalGraph Graph, int[] NewIdOf) Shuffle(ComputationalGraph graph, Random random)
    {
        var builder = new GraphBuilder(graph.Name);
        var inputOrder = Enumerable.Range(0, graph.InputCount).ToArray();
        random.Shuffle(inputOrder);
        var inputOperand = new Operand[graph.InputCount];
        foreach (int i in inputOrder) inputOperand[i] = builder.AddInput(graph.InputNames[i]);

        var newIdOf = new int[graph.VertexCount + 1];
        var pending = graph.Vertices.Select(v => v.Operands.Count(o => o.Kind == OperandKind.Vertex)).ToArray();
        var readers = new List<int>[graph.VertexCount + 1];
        for (int id = 1; id <= graph.VertexCount; id++) readers[id] = [];
        foreach (var vertex in graph.Vertices)
            foreach (var operand in vertex.Operands.Where(o => o.Kind == OperandKind.Vertex)) readers[operand.Index].Add(vertex.Id);
        var ready = graph.Vertices.Where(v => pending[v.Id - 1] == 0).Select(v => v.Id).ToList();
        while (ready.Count > 0)
        {
            int pick = random.Next(ready.Count);
            int id = ready[pick];
            ready.RemoveAt(pick);
            var vertex = graph.Vertex(id);
            var operands = vertex.Operands.Select(o => o.Kind switch
            {
                OperandKind.Input => inputOperand[o.Index],
                OperandKind.Vertex => Operand.Vertex(newIdOf[o.Index]),
                _ => o,
            }).ToArray();
            var result = vertex.Op switch
            {
                OpKind.IntegerPow => builder.IntegerPower(operands[0], vertex.Exponent, vertex.Span),
                OpKind.Copy => builder.Copy(operands[0], vertex.Span),
                _ => builder.Apply(vertex.Op, vertex.Span, operands),
            };
            newIdOf[id] = result.Index;
            foreach (int reader in readers[id])
            {
                if (--pending[reader - 1] == 0) ready.Add(reader);
            }
        }
        foreach (var output in graph.Outputs) builder.MarkOutput(output.Name, Operand.Vertex(newIdOf[output.VertexId]));
        return (builder.Build(), newIdOf);
    }
}
