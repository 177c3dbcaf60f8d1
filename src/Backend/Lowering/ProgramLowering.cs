using Elim.Backend.Program;
using Elim.Backend.Rules;
using Elim.Graph;

namespace Elim.Backend.Lowering;

/// <summary>
/// Turns a graph and a complete elimination order into a <see cref="JacobianProgram"/>: the primal,
/// the local partial of every edge, then each elimination step of the order as straight-line
/// arithmetic on edge values: the reference interpreter's <see cref="EdgeElimination{T}"/> on terms instead of
/// numbers (same edges, same accumulation order, so the numbers agree with the interpreter).
/// </summary>
public static class ProgramLowering
{
    /// <summary>
    /// The program computing outputs and Jacobian of <paramref name="graph"/> by <paramref name="order"/>; the elimination
    /// steps are reported to <paramref name="progress"/> about a hundred times along the way.
    /// </summary>
    /// <exception cref="InvalidOrderException">The order is not a complete order of this graph.</exception>
    public static JacobianProgram Jacobian(ComputationalGraph graph, EliminationOrder order, IProgress<CompileProgress>? progress = null)
    {
        order.Validate(graph);
        var builder = new ProgramBuilder();
        var partials = new Term[graph.Edges.Count];
        var values = EmitPrimal(graph, builder, partials);
        var edges = new EdgeElimination<Term>(graph, new TermAlgebra(builder), e => partials[e]);
        var steps = order.VertexIds;
        for (int step = 0; step < steps.Count; step++)
        {
            edges.Eliminate(steps[step]);
            CompileProgress.Report(progress, CompileProgress.Lowering, step + 1, steps.Count);
        }

        var stores = OutputStores(graph, values);
        int n = graph.InputCount;
        for (int o = 0; o < graph.OutputCount; o++)
        {
            var row = edges.Into(graph.NodeOf(graph.Outputs[o].VertexId));
            for (int i = 0; i < n; i++)
                stores.Add(new Store(StoreTarget.Jacobian, o * n + i, row.TryGetValue(i, out var value) ? value : Term.Zero));
        }
        var (instructions, scheduledStores, products) = DepthFirstSchedule.Apply(builder, stores);
        return new JacobianProgram(n, graph.DataCount, graph.OutputCount, true, instructions, scheduledStores, products, edges.Cost);
    }

    /// <summary>The program computing only the outputs of <paramref name="graph"/> (the primal).</summary>
    public static JacobianProgram Primal(ComputationalGraph graph)
    {
        var builder = new ProgramBuilder(withPartials: false);
        var values = EmitPrimal(graph, builder, partials: null);
        var (instructions, stores, _) = DepthFirstSchedule.Apply(builder, OutputStores(graph, values));
        return new JacobianProgram(graph.InputCount, graph.DataCount, graph.OutputCount, false, instructions, stores, 0, 0);
    }

    private static List<Store> OutputStores(ComputationalGraph graph, Term[] values) =>
        graph.Outputs.Select((output, o) => new Store(StoreTarget.Output, o, values[graph.NodeOf(output.VertexId)])).ToList();

    /// <summary>
    /// Emits every vertex's value and, into <paramref name="partials"/> when given (one per edge), its edges' local
    /// partials (summed where an operand repeats). A vertex without edges in (passive) needs no partials.
    /// </summary>
    private static Term[] EmitPrimal(ComputationalGraph graph, ProgramBuilder builder, Term[]? partials)
    {
        var values = new Term[graph.NodeCount];
        for (int i = 0; i < graph.InputCount; i++) values[i] = builder.Input(i);
        if (partials is not null) Array.Fill(partials, Term.Zero);
        foreach (var vertex in graph.Vertices)
        {
            var rule = EmitRules.Of(vertex.Op);
            var (a, b, c) = (OperandOf(vertex, 0), OperandOf(vertex, 1), OperandOf(vertex, 2));
            int node = graph.NodeOf(vertex.Id);
            var result = rule.Primal(builder, a, b, c, vertex.Exponent);
            values[node] = result;
            if (partials is null || !graph.IsActive(node)) continue;
            var local = rule.Partials(builder, a, b, c, result, vertex.Exponent);
            for (int j = 0; j < vertex.Operands.Count; j++)
            {
                int edge = graph.OperandEdge(vertex.Id, j);
                if (edge < 0) continue;
                var partial = local[j] ?? throw new InvalidOperationException($"{vertex.Op} has an edge on operand {j} but no partial there.");
                partials[edge] = builder.Add(partials[edge], partial);
            }
        }
        return values;

        // Operands past the operation's arity are 0.
        Term OperandOf(Vertex vertex, int j) => j >= vertex.Operands.Count ? Term.Zero : vertex.Operands[j] switch
        {
            { Kind: OperandKind.Constant } constant => Term.Of(constant.Value),
            { Kind: OperandKind.Data } data => builder.Data(data.Index),
            var operand => values[operand.Node(graph.InputCount)],
        };
    }
}
