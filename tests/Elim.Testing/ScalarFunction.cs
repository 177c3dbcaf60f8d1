using Elim.Graph;

namespace Elim.Testing;

/// <summary>
/// Appends reverse-mode code for a gradient to a builder: the signature of the frontend's
/// <c>ReverseMode.Gradient</c>, so that test projects without access to it can share these helpers.
/// </summary>
public delegate Operand[] AppendGradient(GraphBuilder builder, int firstVertex, Operand output, IReadOnlyList<Operand> withRespectTo,
    SourceSpan span);

/// <summary>
/// A helper <c>f(x…, data d…) -&gt; scalar</c> as the lowering inlines it: <see cref="Body"/> applies operations
/// to its parameters and data inputs and returns the output. It must build the same operations every time.
/// </summary>
public sealed record ScalarFunction(string Name, int ParameterCount, int DataCount,
    Func<GraphBuilder, IReadOnlyList<Operand>, IReadOnlyList<Operand>, Operand> Body)
{
    /// <summary>The graph of f: an input per parameter, a data input per data parameter, one output.</summary>
    public ComputationalGraph Primal()
    {
        var builder = Start(out var inputs, out var data);
        MarkOutputs(builder, [Body(builder, inputs, data)], "f");
        return builder.Build();
    }

    /// <summary>
    /// The graph of <c>grad(f)</c> as the lowering builds it: each parameter bound to a copy of its input, the
    /// body inlined, then the gradient of its output with respect to those copies appended by
    /// <paramref name="gradient"/>. Its outputs are the gradient and its Jacobian is f's Hessian.
    /// </summary>
    public ComputationalGraph GradientGraph(AppendGradient gradient)
    {
        var builder = Start(out var inputs, out var data);
        var parameters = inputs.Select(x => builder.Copy(x, SourceSpan.None)).ToArray();
        var output = Body(builder, parameters, data);
        MarkOutputs(builder, gradient(builder, 1, output, parameters, SourceSpan.None), "g");
        return builder.Build();
    }

    /// <summary>A random point, parameters and data, with coordinates in [−1.5, 1.5].</summary>
    public (double[] X, double[] Data) RandomPoint(int seed)
    {
        var random = new Random(seed);
        double Next() => random.NextDouble() * 3 - 1.5;
        return (Enumerable.Range(0, ParameterCount).Select(_ => Next()).ToArray(), Enumerable.Range(0, DataCount).Select(_ => Next()).ToArray());
    }

    /// <summary>
    /// Marks <paramref name="values"/> as outputs named prefix0, prefix1, …; a value that is not a vertex, or is
    /// one already marked, is copied first (a gradient may be a constant, an input or another entry).
    /// </summary>
    public static void MarkOutputs(GraphBuilder builder, IReadOnlyList<Operand> values, string prefix)
    {
        var marked = new HashSet<int>();
        for (int i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value.Kind != OperandKind.Vertex || !marked.Add(value.Index))
            {
                value = builder.Copy(value, SourceSpan.None);
                marked.Add(value.Index);
            }
            builder.MarkOutput($"{prefix}{i}", value);
        }
    }

    private GraphBuilder Start(out Operand[] inputs, out Operand[] data)
    {
        var builder = new GraphBuilder(Name);
        inputs = Enumerable.Range(0, ParameterCount).Select(i => builder.AddInput($"x{i}")).ToArray();
        data = Enumerable.Range(0, DataCount).Select(i => builder.AddData($"d{i}")).ToArray();
        return builder;
    }
}
