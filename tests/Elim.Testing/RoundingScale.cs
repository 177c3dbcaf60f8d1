using Elim.Graph;

namespace Elim.Testing;

/// <summary>
/// The natural scale for comparing Jacobians computed in different orders: Σ over paths of
/// |product of partials|, obtained by forward mode on absolute partials. Rounding in any elimination
/// order is bounded by a small multiple of ε times this, whereas |J| itself can be tiny by cancellation.
/// </summary>
public static class RoundingScale
{
    /// <summary>The scale of every Jacobian entry of <paramref name="graph"/> at <paramref name="point"/>.</summary>
    public static double[,] Of(ComputationalGraph graph, double[] point)
    {
        var partials = Interpreter.LocalPartials(graph, Interpreter.EvaluateNodes(graph, point));
        var scale = new double[graph.OutputCount, graph.InputCount];
        var tangent = new double[graph.NodeCount];
        for (int i = 0; i < graph.InputCount; i++)
        {
            Array.Clear(tangent);
            tangent[i] = 1;
            for (int e = 0; e < partials.Length; e++)
            {
                var edge = graph.Edges[e];
                tangent[edge.Target] += Math.Abs(partials[e]) * tangent[edge.Source];
            }
            for (int o = 0; o < graph.OutputCount; o++) scale[o, i] = tangent[graph.NodeOf(graph.Outputs[o].VertexId)];
        }
        return scale;
    }
}
