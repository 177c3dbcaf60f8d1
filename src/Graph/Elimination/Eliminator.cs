namespace Elim.Graph;

/// <summary>
/// <see cref="EdgeElimination{T}"/> on numbers: the reference elimination of the interpreter (with the edges' local
/// partials) and of order pricing (without: the values stay 0 and only the counts matter), and the Jacobian it leaves.
/// </summary>
public sealed class Eliminator : EdgeElimination<double>
{
    /// <summary>Starts from <paramref name="graph"/>; with <paramref name="partials"/> (per edge) values are carried too.</summary>
    public Eliminator(ComputationalGraph graph, double[]? partials = null)
        : base(graph, Numbers.Instance, e => partials?[e] ?? 0) { }

    /// <summary>The Jacobian once every eliminable vertex is gone (row per output, column per input).</summary>
    public double[,] Jacobian()
    {
        var jacobian = new double[Graph.OutputCount, Graph.InputCount];
        for (int o = 0; o < Graph.OutputCount; o++)
        {
            foreach (var (source, value) in Into(Graph.NodeOf(Graph.Outputs[o].VertexId)))
            {
                if (source >= Graph.InputCount)
                    throw new InvalidOperationException("The Jacobian is read before every eliminable vertex was eliminated.");
                jacobian[o, source] = value;
            }
        }
        return jacobian;
    }

    private sealed class Numbers : IEdgeAlgebra<double>
    {
        public static readonly Numbers Instance = new();

        public double Product(double successorEdge, double predecessorEdge) => successorEdge * predecessorEdge;

        public double Sum(double existing, double product) => existing + product;
    }
}
