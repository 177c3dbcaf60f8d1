using Elim.Graph;

namespace Elim.Testing;

/// <summary>
/// Graphs with data inputs, comparisons, logic and selects, built with <see cref="GraphBuilder"/> (the language gains
/// their syntax separately): a hand-written piecewise function, and seeded random ones for property tests.
/// </summary>
public static class BranchGraphs
{
    /// <summary>
    /// piecewise(x, y; data w, t) → (s, u, v, p, g): s = x &lt; t ? sin(x·y) − w : √x·w (√x is NaN where x &lt; 0, only ever
    /// in the arm not picked there); g = (y ≤ w ∧ ¬(x = y)) ∨ x ≠ x; u = g ? x·y : y / w; p = cos(w)·t, a passive output
    /// (data only); v = x·p + s. The data change every value but have no Jacobian column; g and p have no edges.
    /// </summary>
    public static ComputationalGraph Piecewise()
    {
        var b = new GraphBuilder("piecewise");
        var (x, y) = (b.AddInput("x"), b.AddInput("y"));
        var (w, t) = (b.AddData("w"), b.AddData("t"));
        Operand Op(OpKind kind, params Operand[] operands) => b.Apply(kind, SourceSpan.None, operands);
        var s = Op(OpKind.Select, Op(OpKind.Less, x, t),
            Op(OpKind.Sub, Op(OpKind.Sin, Op(OpKind.Mul, x, y)), w),
            Op(OpKind.Mul, Op(OpKind.Sqrt, x), w));
        var g = Op(OpKind.Or,
            Op(OpKind.And, Op(OpKind.LessEqual, y, w), Op(OpKind.Not, Op(OpKind.Equal, x, y))),
            Op(OpKind.NotEqual, x, x));
        var u = Op(OpKind.Select, g, Op(OpKind.Mul, x, y), Op(OpKind.Div, y, w));
        var p = Op(OpKind.Mul, Op(OpKind.Cos, w), t);
        var v = Op(OpKind.Add, Op(OpKind.Mul, x, p), s);
        b.MarkOutput("s", s);
        b.MarkOutput("u", u);
        b.MarkOutput("v", v);
        b.MarkOutput("p", p);
        b.MarkOutput("g", g);
        return b.Build();
    }

    /// <summary>
    /// Points (x, y) and data (w, t) of <see cref="Piecewise"/> on both sides of every branch: x below and above t, negative
    /// x (√x is NaN in the arm not picked), y below and above w, x = y, and a NaN input (x ≠ x).
    /// </summary>
    public static (double[] Point, double[] Data)[] PiecewisePoints() =>
    [
        ([0.3, 0.7], [1.5, 1.0]),
        ([2.0, 0.7], [1.5, 1.0]),
        ([-4.0, 2.5], [0.5, 0.0]),
        ([1.2, 1.2], [2.0, 3.0]),
        ([0.9, 3.0], [-1.0, 0.5]),
        ([1.0, 1.5], [1.5, 1.0]),
        ([double.NaN, 0.5], [1.0, 1.0]),
        ([0.25, -2.0], [0.75, 0.25]),
    ];

    private static readonly OpKind[] Unary = [OpKind.Sin, OpKind.Cos, OpKind.Tanh, OpKind.Atan, OpKind.Neg, OpKind.Square];
    private static readonly OpKind[] Binary = [OpKind.Add, OpKind.Sub, OpKind.Mul];
    private static readonly OpKind[] Comparisons = [OpKind.Less, OpKind.LessEqual, OpKind.Equal, OpKind.NotEqual];

    /// <summary>
    /// A random graph of smooth operations on <paramref name="inputs"/> independents and <paramref name="data"/> data inputs,
    /// about a quarter of whose vertices are selects on comparisons (combined with and, or, not) of earlier values; every
    /// sink is an output.
    /// </summary>
    public static ComputationalGraph Random(int seed, int inputs, int data, int vertices)
    {
        var random = new Random(seed);
        var builder = new GraphBuilder($"branches{seed}");
        var values = new List<Operand>();
        for (int i = 0; i < inputs; i++) values.Add(builder.AddInput($"x{i}"));
        for (int k = 0; k < data; k++) values.Add(builder.AddData($"d{k}"));
        var used = new HashSet<Operand>();
        Operand Op(OpKind kind, params Operand[] operands) => builder.Apply(kind, SourceSpan.None, operands);
        Operand Pick()
        {
            if (random.NextDouble() < 0.05) return Operand.Constant(Math.Round(random.NextDouble() * 4 - 2, 2));
            var operand = values[values.Count - 1 - (int)Math.Min(values.Count - 1, Math.Floor(-Math.Log(1 - random.NextDouble()) * 4))];
            used.Add(operand);
            return operand;
        }
        Operand Condition()
        {
            var comparison = Op(Comparisons[random.Next(Comparisons.Length)], Pick(), Pick());
            return random.Next(4) switch
            {
                0 => Op(OpKind.Not, comparison),
                1 => Op(OpKind.And, comparison, Op(OpKind.Less, Pick(), Pick())),
                2 => Op(OpKind.Or, comparison, Op(OpKind.LessEqual, Pick(), Pick())),
                _ => comparison,
            };
        }
        while (builder.VertexCount < vertices)
        {
            double draw = random.NextDouble();
            var result = draw < 0.25 ? Op(OpKind.Select, Condition(), Pick(), Pick())
                : draw < 0.6 ? Op(Unary[random.Next(Unary.Length)], Pick())
                : Op(Binary[random.Next(Binary.Length)], Pick(), Pick());
            if (result.Kind == OperandKind.Vertex) values.Add(result);
        }
        int outputs = 0;
        foreach (var value in values.Where(v => v.Kind == OperandKind.Vertex && !used.Contains(v))) builder.MarkOutput($"y{outputs++}", value);
        return builder.Build();
    }

    /// <summary>Random data inputs of <paramref name="graph"/> in [−1.5, 1.5].</summary>
    public static double[] RandomData(ComputationalGraph graph, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, graph.DataCount).Select(_ => random.NextDouble() * 3 - 1.5).ToArray();
    }
}
