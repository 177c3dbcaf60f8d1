using Elim.Graph;

namespace Elim.Search.Agent.Training;

/// <summary>How a generated program picks the operands of its next operation.</summary>
public enum ProgramShape
{
    /// <summary>Mostly the last few values: long chains, like straight-line numerical code.</summary>
    Deep,
    /// <summary>Any earlier value uniformly: short, bushy graphs with much reuse.</summary>
    Wide,
    /// <summary>Layers of values, each reading the layer before (sometimes further back), like networks or stencils.</summary>
    Layered,
    /// <summary>Recent values for most operands, any earlier value for some: long-range reuse of intermediates.</summary>
    Mixed,
}

/// <summary>
/// The training curriculum: random straight-line programs of many sizes and shapes, built with
/// <see cref="GraphBuilder"/> like real ones (unary and binary operations, constants, powers, several
/// outputs, intermediates that are also outputs). Never the benchmark tasks.
/// </summary>
public static class RandomPrograms
{
    private static readonly OpKind[] Unary = [OpKind.Neg, OpKind.Sin, OpKind.Cos, OpKind.Exp, OpKind.Log, OpKind.Sqrt, OpKind.Tanh,
        OpKind.Square, OpKind.Abs, OpKind.Atan, OpKind.Logistic];
    private static readonly OpKind[] Binary = [OpKind.Add, OpKind.Sub, OpKind.Mul, OpKind.Div, OpKind.Mul, OpKind.Add, OpKind.Pow];

    /// <summary>A program with between <paramref name="minVertices"/> and <paramref name="maxVertices"/> operations, drawn from <paramref name="random"/>.</summary>
    public static ComputationalGraph Generate(AgentRandom random, int minVertices = 10, int maxVertices = 200)
    {
        while (true)
        {
            // Smaller graphs are drawn more often: they are cheaper to play and teach the same local rules.
            double u = random.NextDouble();
            int vertices = minVertices + (int)(u * u * (maxVertices - minVertices + 1));
            var shape = (ProgramShape)random.Next(4);
            var graph = Build(random, shape, random.Between(2, Math.Clamp(vertices / 4, 2, 16)), vertices);
            if (graph.EliminableVertices.Count > 0) return graph;
        }
    }

    /// <summary>A program of the given shape with <paramref name="inputs"/> independents and <paramref name="vertices"/> operations.</summary>
    public static ComputationalGraph Build(AgentRandom random, ProgramShape shape, int inputs, int vertices)
    {
        var builder = new GraphBuilder($"generated-{shape.ToString().ToLowerInvariant()}");
        var values = new List<Operand>();
        for (int i = 0; i < inputs; i++) values.Add(builder.AddInput($"x{i}"));
        var readCount = new Dictionary<Operand, int>();
        double unaryShare = 0.2 + 0.4 * random.NextDouble();
        int layerWidth = random.Between(2, Math.Max(2, vertices / 6));
        int layerStart = 0, layerEnd = values.Count;

        while (builder.VertexCount < vertices)
        {
            if (shape == ProgramShape.Layered && values.Count - layerEnd >= layerWidth) (layerStart, layerEnd) = (layerEnd, values.Count);
            Operand Pick()
            {
                if (random.NextDouble() < 0.08) return Operand.Constant(Math.Round(random.NextDouble() * 4 - 2, 2));
                int index = shape switch
                {
                    ProgramShape.Deep => Recent(random, values.Count, 3),
                    ProgramShape.Wide => random.Next(values.Count),
                    ProgramShape.Layered => random.NextDouble() < 0.8 ? random.Between(layerStart, layerEnd - 1) : random.Next(values.Count),
                    _ => random.NextDouble() < 0.7 ? Recent(random, values.Count, 6) : random.Next(values.Count),
                };
                var operand = values[index];
                readCount[operand] = readCount.GetValueOrDefault(operand) + 1;
                return operand;
            }
            double kind = random.NextDouble();
            Operand result = kind < unaryShare
                ? builder.Apply(Unary[random.Next(Unary.Length)], SourceSpan.None, Pick())
                : kind < unaryShare + 0.05
                    ? builder.IntegerPower(Pick(), random.Between(2, 4), SourceSpan.None)
                    : builder.Apply(Binary[random.Next(Binary.Length)], SourceSpan.None, Pick(), Pick());
            if (result.Kind == OperandKind.Vertex) values.Add(result);
        }
        int outputs = 0;
        foreach (var value in values.Where(v => v.Kind == OperandKind.Vertex))
        {
            if (!readCount.ContainsKey(value) || random.NextDouble() < 0.04) builder.MarkOutput($"y{outputs++}", value);
        }
        return builder.Build();
    }

    // An index near the end of the list: the distance back is exponential with the given mean.
    private static int Recent(AgentRandom random, int count, double mean) =>
        count - 1 - (int)Math.Min(count - 1, Math.Floor(-Math.Log(1 - random.NextDouble()) * mean));
}
