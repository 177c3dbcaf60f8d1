using Elim.Backend.Program;
using Elim.Backend.Rules;
using Elim.Graph;

namespace Elim.Backend.Lowering;

/// <summary>
/// Turns a graph and a complete elimination order into a <see cref="JacobianProgram"/>: the primal,
/// the local partial of every edge, then each elimination step of the order as straight-line
/// arithmetic on edge values, following <see cref="Eliminator"/> step for step (same edges, same
/// accumulation order, so the numbers agree with the reference interpreter).
/// </summary>
public static class ProgramLowering
{
    /// <summary>The program computing outputs and Jacobian of <paramref name="graph"/> by <paramref name="order"/>.</summary>
    /// <exception cref="InvalidOrderException">The order is not a complete order of this graph.</exception>
    public static JacobianProgram Jacobian(ComputationalGraph graph, EliminationOrder order)
    {
        order.Validate(graph);
        var builder = new ProgramBuilder();
        var partials = new Term[graph.Edges.Count];
        var values = EmitPrimal(graph, builder, partials);
        var edges = new EdgeValues(graph, partials);
        foreach (int vertexId in order.VertexIds) edges.Eliminate(builder, vertexId);

        var stores = OutputStores(graph, values);
        int n = graph.InputCount;
        for (int o = 0; o < graph.OutputCount; o++)
        {
            var row = edges.Into(graph.NodeOf(graph.Outputs[o].VertexId));
            for (int i = 0; i < n; i++)
                stores.Add(new Store(StoreTarget.Jacobian, o * n + i, row.TryGetValue(i, out var value) ? value : Term.Zero));
        }
        var (instructions, liveStores, products) = DeadCode.Remove(builder.Instructions, stores, builder.EliminationProducts);
        return new JacobianProgram(n, graph.OutputCount, true, instructions, liveStores, products, MarkowitzCost.Of(graph, order));
    }

    /// <summary>The program computing only the outputs of <paramref name="graph"/> (the primal).</summary>
    public static JacobianProgram Primal(ComputationalGraph graph)
    {
        var builder = new ProgramBuilder(withPartials: false);
        var values = EmitPrimal(graph, builder, partials: null);
        var (instructions, stores, _) = DeadCode.Remove(builder.Instructions, OutputStores(graph, values), builder.EliminationProducts);
        return new JacobianProgram(graph.InputCount, graph.OutputCount, false, instructions, stores, 0, 0);
    }

    private static List<Store> OutputStores(ComputationalGraph graph, Term[] values) =>
        graph.Outputs.Select((output, o) => new Store(StoreTarget.Output, o, values[graph.NodeOf(output.VertexId)])).ToList();

    /// <summary>
    /// Emits every vertex's value and, into <paramref name="partials"/> when given (one per edge), its edges' local
    /// partials (summed where an operand repeats).
    /// </summary>
    private static Term[] EmitPrimal(ComputationalGraph graph, ProgramBuilder builder, Term[]? partials)
    {
        var values = new Term[graph.NodeCount];
        for (int i = 0; i < graph.InputCount; i++) values[i] = builder.Input(i);
        if (partials is not null) Array.Fill(partials, Term.Zero);
        foreach (var vertex in graph.Vertices)
        {
            var rule = EmitRules.Of(vertex.Op);
            var a = Read(vertex.Operands[0]);
            var b = vertex.Operands.Count > 1 ? Read(vertex.Operands[1]) : Term.Zero;
            var result = rule.Primal(builder, a, b, vertex.Exponent);
            values[graph.NodeOf(vertex.Id)] = result;
            if (partials is null) continue;
            var local = rule.Partials(builder, a, b, result, vertex.Exponent);
            for (int j = 0; j < vertex.Operands.Count; j++)
            {
                int edge = graph.OperandEdge(vertex.Id, j);
                if (edge >= 0) partials[edge] = builder.Add(partials[edge], local[j]);
            }
        }
        return values;

        Term Read(Operand operand) => operand.IsConstant ? Term.Of(operand.Value) : values[operand.Node(graph.InputCount)];
    }
}
