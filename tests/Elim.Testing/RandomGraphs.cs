using Elim.Graph;

namespace Elim.Testing;

/// <summary>
/// Seeded random computational graphs for property tests. Operations are smooth and defined on all
/// reals, so every graph can be evaluated and differentiated anywhere.
/// </summary>
public static class RandomGraphs
{
    private static readonly OpKind[] Unary = [OpKind.Neg, OpKind.Sin, OpKind.Cos, OpKind.Tanh, OpKind.Atan, OpKind.Square,
        OpKind.Logistic, OpKind.Asinh, OpKind.Erf];
    private static readonly OpKind[] Binary = [OpKind.Add, OpKind.Sub, OpKind.Mul, OpKind.Mul, OpKind.Add];

    /// <summary>
    /// A graph with <paramref name="inputs"/> independents and <paramref name="vertices"/> operations;
    /// every sink is an output, plus (sometimes) an intermediate that later operations read.
    /// </summary>
    public static ComputationalGraph Create(int seed, int inputs, int vertices)
    {
        var random = new Random(seed);
        var builder = new GraphBuilder($"random{seed}");
        var values = new List<Operand>();
        for (int i = 0; i < inputs; i++) values.Add(builder.AddInput($"x{i}"));
        var used = new HashSet<Operand>();
        while (builder.VertexCount < vertices)
        {
            Operand Pick()
            {
                if (random.NextDouble() < 0.1) return Operand.Constant(Math.Round(random.NextDouble() * 4 - 2, 2));
                // Prefer recent values so graphs are deep, not flat.
                int index = values.Count - 1 - (int)Math.Min(values.Count - 1, Math.Floor(-Math.Log(1 - random.NextDouble()) * 4));
                var operand = values[index];
                used.Add(operand);
                return operand;
            }
            Operand result = random.NextDouble() < 0.45
                ? builder.Apply(Unary[random.Next(Unary.Length)], SourceSpan.None, Pick())
                : random.NextDouble() < 0.1
                    ? builder.IntegerPower(Pick(), random.Next(2, 4), SourceSpan.None)
                    : builder.Apply(Binary[random.Next(Binary.Length)], SourceSpan.None, Pick(), Pick());
            if (result.Kind == OperandKind.Vertex) values.Add(result);
        }
        int outputCount = 0;
        foreach (var value in values.Where(v => v.Kind == OperandKind.Vertex))
        {
            bool sink = !used.Contains(value);
            if (sink || random.NextDouble() < 0.05) builder.MarkOutput($"y{outputCount++}", value);
        }
        return builder.Build();
    }

    /// <summary>A uniformly random complete elimination order of <paramref name="graph"/>.</summary>
    public static EliminationOrder RandomOrder(ComputationalGraph graph, int seed)
    {
        var ids = graph.EliminableVertices.ToArray();
        new Random(seed).Shuffle(ids);
        return new EliminationOrder(ids);
    }

    /// <summary>A random point with coordinates in [−1.5, 1.5].</summary>
    public static double[] RandomPoint(ComputationalGraph graph, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, graph.InputCount).Select(_ => random.NextDouble() * 3 - 1.5).ToArray();
    }
}
