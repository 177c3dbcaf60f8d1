using System.Globalization;

namespace Elim.Graph;

/// <summary>
/// Hashes of a graph's shape. <see cref="Structural"/> ignores names, constant values and integer
/// exponents (they change no edge), so an elimination order fits every graph of the same hash;
/// <see cref="Content"/> adds them, for caches of generated code. 64-bit FNV-1a, as 16 hex digits.
/// </summary>
public static class GraphHash
{
    /// <summary>The structural hash: inputs, operations, operand wiring and outputs.</summary>
    public static string Structural(ComputationalGraph graph) => Compute(graph, includeValues: false);

    /// <summary>The structural hash plus constant values and integer exponents.</summary>
    public static string Content(ComputationalGraph graph) => Compute(graph, includeValues: true);

    private static string Compute(ComputationalGraph graph, bool includeValues)
    {
        ulong hash = 14695981039346656037UL;
        void Mix(long value)
        {
            for (int i = 0; i < 8; i++, value >>= 8) hash = (hash ^ (byte)value) * 1099511628211UL;
        }
        Mix(graph.InputCount);
        Mix(graph.VertexCount);
        if (graph.DataCount > 0) Mix(graph.DataCount); // graphs without data keep the hashes their order files carry
        foreach (var vertex in graph.Vertices)
        {
            Mix((long)vertex.Op);
            Mix(vertex.Operands.Count);
            foreach (var operand in vertex.Operands)
            {
                Mix((long)operand.Kind);
                Mix(operand.Index);
                if (includeValues) Mix(BitConverter.DoubleToInt64Bits(operand.Value));
            }
            if (includeValues) Mix(vertex.Exponent);
        }
        foreach (var output in graph.Outputs) Mix(output.VertexId);
        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
