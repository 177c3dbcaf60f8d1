namespace Elim.Graph;

/// <summary>
/// The reference path everything fast is checked against: evaluates the primal and the local partials
/// of a graph, and computes its Jacobian by forward mode, reverse mode or any elimination order.
/// Kept deliberately simple.
/// </summary>
public static class Interpreter
{
    /// <summary>
    /// Values of every node (inputs, then vertices) at <paramref name="inputs"/>, with the data inputs
    /// <paramref name="data"/> (empty for a graph without data) appended after the nodes.
    /// </summary>
    public static double[] EvaluateNodes(ComputationalGraph graph, ReadOnlySpan<double> inputs, ReadOnlySpan<double> data = default)
    {
        if (inputs.Length != graph.InputCount)
            throw new ArgumentException($"'{graph.Name}' takes {graph.InputCount} inputs, got {inputs.Length}.", nameof(inputs));
        if (data.Length != graph.DataCount)
            throw new ArgumentException($"'{graph.Name}' takes {graph.DataCount} data values, got {data.Length}.", nameof(data));
        var values = new double[graph.NodeCount + graph.DataCount];
        inputs.CopyTo(values);
        data.CopyTo(values.AsSpan(graph.NodeCount));
        Span<double> operands = stackalloc double[3];
        foreach (var vertex in graph.Vertices)
        {
            var rule = OpRules.Of(vertex.Op);
            var read = ReadOperands(values, graph, vertex, operands);
            values[graph.NodeOf(vertex.Id)] = rule.Apply(read, vertex.Exponent);
        }
        return values;
    }

    /// <summary>The outputs at <paramref name="inputs"/> (and <paramref name="data"/>), in declaration order.</summary>
    public static double[] Evaluate(ComputationalGraph graph, ReadOnlySpan<double> inputs, ReadOnlySpan<double> data = default)
    {
        var values = EvaluateNodes(graph, inputs, data);
        return graph.Outputs.Select(o => values[graph.NodeOf(o.VertexId)]).ToArray();
    }

    /// <summary>The local partial of every edge (indexed like <see cref="ComputationalGraph.Edges"/>), from <see cref="EvaluateNodes"/>.</summary>
    public static double[] LocalPartials(ComputationalGraph graph, double[] nodeValues)
    {
        var partials = new double[graph.Edges.Count];
        Span<double> operands = stackalloc double[3];
        foreach (var vertex in graph.Vertices)
        {
            var rule = OpRules.Of(vertex.Op);
            var read = ReadOperands(nodeValues, graph, vertex, operands);
            double a = read[0], b = read.Length > 1 ? read[1] : 0, c = read.Length > 2 ? read[2] : 0;
            double result = nodeValues[graph.NodeOf(vertex.Id)];
            for (int j = 0; j < vertex.Operands.Count; j++)
            {
                int edge = graph.OperandEdge(vertex.Id, j);
                if (edge >= 0) partials[edge] += rule.Partials[j]!(a, b, c, result, vertex.Exponent);
            }
        }
        return partials;
    }

    /// <summary>
    /// The Jacobian (row per output, column per input) by forward-mode accumulation. Like elimination, it
    /// sums products along paths only: a NaN partial off every path from an input leaves its column alone.
    /// </summary>
    public static double[,] ForwardJacobian(ComputationalGraph graph, ReadOnlySpan<double> inputs, ReadOnlySpan<double> data = default)
    {
        var partials = LocalPartials(graph, EvaluateNodes(graph, inputs, data));
        var jacobian = new double[graph.OutputCount, graph.InputCount];
        var tangent = new double[graph.NodeCount];
        var reached = new bool[graph.NodeCount];
        for (int i = 0; i < graph.InputCount; i++)
        {
            Array.Clear(tangent);
            Array.Clear(reached);
            tangent[i] = 1;
            reached[i] = true;
            for (int e = 0; e < partials.Length; e++)
            {
                var edge = graph.Edges[e];
                if (!reached[edge.Source]) continue; // no path from input i: a structural zero, even if the partial is NaN
                reached[edge.Target] = true;
                tangent[edge.Target] += partials[e] * tangent[edge.Source];
            }
            for (int o = 0; o < graph.OutputCount; o++) jacobian[o, i] = tangent[graph.NodeOf(graph.Outputs[o].VertexId)];
        }
        return jacobian;
    }

    /// <summary>The Jacobian by reverse-mode accumulation, one adjoint sweep per output, along paths only (see <see cref="ForwardJacobian"/>).</summary>
    public static double[,] ReverseJacobian(ComputationalGraph graph, ReadOnlySpan<double> inputs, ReadOnlySpan<double> data = default)
    {
        var partials = LocalPartials(graph, EvaluateNodes(graph, inputs, data));
        var jacobian = new double[graph.OutputCount, graph.InputCount];
        var adjoint = new double[graph.NodeCount];
        var reached = new bool[graph.NodeCount];
        for (int o = 0; o < graph.OutputCount; o++)
        {
            Array.Clear(adjoint);
            Array.Clear(reached);
            int output = graph.NodeOf(graph.Outputs[o].VertexId);
            adjoint[output] = 1;
            reached[output] = true;
            for (int e = partials.Length - 1; e >= 0; e--)
            {
                var edge = graph.Edges[e];
                if (!reached[edge.Target]) continue; // no path to output o: a structural zero, even if the partial is NaN
                reached[edge.Source] = true;
                adjoint[edge.Source] += partials[e] * adjoint[edge.Target];
            }
            for (int i = 0; i < graph.InputCount; i++) jacobian[o, i] = adjoint[i];
        }
        return jacobian;
    }

    /// <summary>The Jacobian by numerically executing the elimination <paramref name="order"/>.</summary>
    public static double[,] EliminationJacobian(ComputationalGraph graph, ReadOnlySpan<double> inputs, EliminationOrder order,
        ReadOnlySpan<double> data = default)
    {
        order.Validate(graph);
        var partials = LocalPartials(graph, EvaluateNodes(graph, inputs, data));
        var eliminator = new Eliminator(graph, partials);
        foreach (int vertexId in order.VertexIds) eliminator.Eliminate(vertexId);
        return eliminator.Jacobian();
    }

    // Node values come first in the value array, then the data inputs.
    private static ReadOnlySpan<double> ReadOperands(double[] values, ComputationalGraph graph, Vertex vertex, Span<double> operands)
    {
        for (int j = 0; j < vertex.Operands.Count; j++)
        {
            var operand = vertex.Operands[j];
            operands[j] = operand.Kind switch
            {
                OperandKind.Constant => operand.Value,
                OperandKind.Data => values[graph.NodeCount + operand.Index],
                _ => values[operand.Node(graph.InputCount)],
            };
        }
        return operands[..vertex.Operands.Count];
    }
}
