using Elim.Graph;

namespace Elim.Frontend.Lowering;

/// <summary>
/// Reverse mode built in the graph, for <c>grad(f)(args…)</c>: the adjoint sweep over the vertices of an
/// inlined helper is appended to the builder as ordinary vertices, so the gradient is a value like any
/// other and the Jacobian of a function that returns it is a Hessian (elimination differentiates the
/// adjoint code again). Each local partial is written with graph operations, following the conventions
/// of <see cref="OpRules"/> exactly; piecewise ones (abs, min, max, select, pow's special cases) pick
/// with comparisons and selects, never by multiplying with a 0/1 mask, which would turn an infinite or
/// NaN factor into NaN where the convention says 0.
/// </summary>
internal static class ReverseMode
{
    private static readonly Operand Zero = Operand.Constant(0);
    private static readonly Operand One = Operand.Constant(1);

    /// <summary>
    /// Appends the gradient of <paramref name="output"/> with respect to <paramref name="withRespectTo"/>
    /// and returns it, one operand per entry of <paramref name="withRespectTo"/>.
    /// </summary>
    /// <param name="builder">The builder, just after the helper was inlined.</param>
    /// <param name="firstVertex">
    /// The first vertex id of the inlined helper; the range runs to the last vertex built so far. Values
    /// from outside the range (inputs, data, earlier vertices) are constants here: they get no adjoint.
    /// </param>
    /// <param name="output">
    /// The helper's scalar output. A constant, or a value from outside the range, has a zero gradient.
    /// </param>
    /// <param name="withRespectTo">
    /// Vertices of the range to differentiate with respect to. The lowering binds each differentiated
    /// parameter to a fresh <see cref="GraphBuilder.Copy"/> of its argument before inlining, so the
    /// gradient is well defined when one value is passed twice or a constant is passed. An entry that a
    /// later entry depends on gets the total derivative through it.
    /// </param>
    /// <param name="span">Where the gradient was asked for; the span of every vertex appended.</param>
    /// <returns>
    /// The gradient. An entry is a constant where it does not depend on the vertices (0 where the output
    /// does not depend on the entry), and may be a value that existed before the call (the gradient of
    /// x·y with respect to x is y itself, perhaps an input or a data input): copy an entry before marking
    /// it as an output.
    /// </returns>
    public static Operand[] Gradient(GraphBuilder builder, int firstVertex, Operand output, IReadOnlyList<Operand> withRespectTo,
        SourceSpan span)
    {
        int lastVertex = builder.VertexCount;
        if (firstVertex < 1 || firstVertex > lastVertex + 1)
            throw new ArgumentOutOfRangeException(nameof(firstVertex), firstVertex, $"The builder has vertices 1 to {lastVertex}.");
        bool InRange(Operand operand) => operand.Kind == OperandKind.Vertex && operand.Index >= firstVertex && operand.Index <= lastVertex;
        foreach (var variable in withRespectTo)
        {
            if (!InRange(variable))
                throw new ArgumentException($"{variable} is not a vertex of the range {firstVertex} to {lastVertex}.", nameof(withRespectTo));
        }

        var active = ActiveVertices(builder, firstVertex, lastVertex, withRespectTo);
        var adjoints = new Operand?[lastVertex - firstVertex + 1];
        if (InRange(output) && active[output.Index - firstVertex])
            Sweep(new Terms(builder, span), firstVertex, output.Index, active, adjoints);
        return withRespectTo.Select(v => adjoints[v.Index - firstVertex] ?? Zero).ToArray();
    }

    // Which vertices of the range depend on a variable through a differentiable operand: only they need adjoints.
    private static bool[] ActiveVertices(GraphBuilder builder, int firstVertex, int lastVertex, IReadOnlyList<Operand> withRespectTo)
    {
        var active = new bool[lastVertex - firstVertex + 1];
        foreach (var variable in withRespectTo) active[variable.Index - firstVertex] = true;
        for (int id = firstVertex; id <= lastVertex; id++)
        {
            var vertex = builder.VertexAt(id);
            var rule = OpRules.Of(vertex.Op);
            for (int j = 0; j < vertex.Operands.Count; j++)
            {
                var operand = vertex.Operands[j];
                if (rule.IsDifferentiable(j) && operand.Kind == OperandKind.Vertex && operand.Index >= firstVertex
                    && active[operand.Index - firstVertex])
                    active[id - firstVertex] = true;
            }
        }
        return active;
    }

    // From the output down: each active vertex with a nonzero adjoint passes adjoint × ∂vertex/∂operand to
    // every active operand, and an operand's contributions are summed.
    private static void Sweep(Terms terms, int firstVertex, int outputVertex, bool[] active, Operand?[] adjoints)
    {
        adjoints[outputVertex - firstVertex] = One;
        for (int id = outputVertex; id >= firstVertex; id--)
        {
            if (adjoints[id - firstVertex] is not { } adjoint || IsZero(adjoint)) continue;
            var vertex = terms.Builder.VertexAt(id);
            var rule = OpRules.Of(vertex.Op);
            var contributions = Contributions(terms, vertex, adjoint);
            for (int j = 0; j < vertex.Operands.Count; j++)
            {
                var operand = vertex.Operands[j];
                if (!rule.IsDifferentiable(j) || operand.Kind != OperandKind.Vertex || operand.Index < firstVertex
                    || !active[operand.Index - firstVertex])
                    continue;
                var contribution = contributions[j]!();
                ref var sum = ref adjoints[operand.Index - firstVertex];
                sum = sum is { } earlier ? terms.Add(earlier, contribution) : contribution;
            }
        }
    }

    /// <summary>
    /// Per operand of <paramref name="vertex"/>, what makes adjoint × ∂vertex/∂operand (null where the
    /// operand has no partial). They are made on demand, only for operands that need an adjoint, and a
    /// piece two operands share is made once.
    /// </summary>
    private static Func<Operand>?[] Contributions(Terms t, Vertex vertex, Operand adjoint)
    {
        var a = vertex.Operands[0];
        var b = vertex.Operands.Count > 1 ? vertex.Operands[1] : Zero;
        var result = Operand.Vertex(vertex.Id);
        Func<Operand> Times(Func<Operand> partial) => () => t.Mul(adjoint, partial());
        Func<Operand> Over(Func<Operand> denominator) => () => t.Div(adjoint, denominator());
        Func<Operand> Negated(Func<Operand> contribution) => () => t.Neg(contribution());

        switch (vertex.Op)
        {
            case OpKind.Copy: return [() => adjoint];
            case OpKind.Neg: return [() => t.Neg(adjoint)];
            case OpKind.Add: return [() => adjoint, () => adjoint];
            case OpKind.Sub: return [() => adjoint, () => t.Neg(adjoint)];
            case OpKind.Mul: return [() => t.Mul(adjoint, b), () => t.Mul(adjoint, a)];
            case OpKind.Div:
            {
                // ∂/∂a = 1/b and ∂/∂b = −result/b share adjoint/b.
                var quotient = Once(() => t.Div(adjoint, b));
                return [quotient, () => t.Neg(t.Mul(quotient(), result))];
            }
            case OpKind.IntegerPow:
            {
                int n = vertex.Exponent;
                return [n == 0 ? () => Zero : Times(() => t.Mul(Operand.Constant(n), t.IntegerPower(a, n - 1)))];
            }
            case OpKind.Pow:
                // 0 where the exponent is 0 (base) or the base is 0 (exponent), whatever the formula gives there.
                return
                [
                    () => t.Select(t.Apply(OpKind.Equal, b, Zero), Zero, t.Mul(adjoint, t.Mul(b, t.Pow(a, t.Sub(b, One))))),
                    () => t.Select(t.Apply(OpKind.Equal, a, Zero), Zero, t.Mul(adjoint, t.Mul(t.Apply(OpKind.Log, a), result))),
                ];
            case OpKind.Sin: return [Times(() => t.Apply(OpKind.Cos, a))];
            case OpKind.Cos: return [Negated(Times(() => t.Apply(OpKind.Sin, a)))];
            case OpKind.Tan: return [Times(() => t.Add(One, t.Square(result)))];
            case OpKind.Asin: return [Over(() => t.Apply(OpKind.Sqrt, t.Sub(One, t.Square(a))))];
            case OpKind.Acos: return [Negated(Over(() => t.Apply(OpKind.Sqrt, t.Sub(One, t.Square(a)))))];
            case OpKind.Atan: return [Over(() => t.Add(One, t.Square(a)))];
            case OpKind.Sinh: return [Times(() => t.Apply(OpKind.Cosh, a))];
            case OpKind.Cosh: return [Times(() => t.Apply(OpKind.Sinh, a))];
            case OpKind.Tanh: return [Times(() => t.Sub(One, t.Square(result)))];
            case OpKind.Asinh: return [Over(() => t.Apply(OpKind.Sqrt, t.Add(t.Square(a), One)))];
            case OpKind.Acosh: return [Over(() => t.Apply(OpKind.Sqrt, t.Sub(t.Square(a), One)))];
            case OpKind.Atanh: return [Over(() => t.Sub(One, t.Square(a)))];
            case OpKind.Exp: return [Times(() => result)];
            case OpKind.Log: return [Over(() => a)];
            case OpKind.Log1p: return [Over(() => t.Add(One, a))];
            case OpKind.Sqrt: return [() => t.Div(t.Mul(adjoint, Operand.Constant(0.5)), result)];
            case OpKind.Abs:
                // sign(a), with sign(0) = 0.
                return [() => t.Select(t.Apply(OpKind.Less, a, Zero), t.Neg(adjoint), t.Select(t.Apply(OpKind.Less, Zero, a), adjoint, Zero))];
            case OpKind.Erf:
                return [Times(() => t.Mul(Operand.Constant(SpecialFunctions.TwoOverSqrtPi), t.Apply(OpKind.Exp, t.Neg(t.Square(a)))))];
            case OpKind.Logistic: return [Times(() => t.Mul(result, t.Sub(One, result)))];
            case OpKind.Square: return [Times(() => t.Mul(Operand.Constant(2), a))];
            case OpKind.Atan2:
            {
                // atan2(y, x): ∂/∂y = x/(x² + y²), ∂/∂x = −y/(x² + y²); both scale adjoint/(x² + y²).
                var scaled = Once(() => t.Div(adjoint, t.Add(t.Square(b), t.Square(a))));
                return [() => t.Mul(scaled(), b), () => t.Neg(t.Mul(scaled(), a))];
            }
            case OpKind.Min: return Split(t, adjoint, Once(() => t.Apply(OpKind.Less, a, b)), Once(() => t.Apply(OpKind.Less, b, a)));
            case OpKind.Max: return Split(t, adjoint, Once(() => t.Apply(OpKind.Less, b, a)), Once(() => t.Apply(OpKind.Less, a, b)));
            case OpKind.Select: // operands (condition, picked when nonzero, picked when zero)
                return [null, () => t.Select(a, adjoint, Zero), () => t.Select(a, Zero, adjoint)];
            case var kind when OpRules.IsLogical(kind): return new Func<Operand>?[vertex.Operands.Count];
            default: throw new NotSupportedException($"Reverse mode has no adjoint rule for {vertex.Op}.");
        }
    }

    // min or max: the adjoint goes to the operand that wins, and half to each on a tie (or a NaN).
    private static Func<Operand>?[] Split(Terms t, Operand adjoint, Func<Operand> firstWins, Func<Operand> secondWins)
    {
        var half = Once(() => t.Mul(adjoint, Operand.Constant(0.5)));
        return
        [
            () => t.Select(firstWins(), adjoint, t.Select(secondWins(), Zero, half())),
            () => t.Select(secondWins(), adjoint, t.Select(firstWins(), Zero, half())),
        ];
    }

    private static Func<Operand> Once(Func<Operand> make)
    {
        Operand? made = null;
        return () => made ??= make();
    }

    private static bool IsZero(Operand operand) => operand.IsConstant && operand.Value == 0;

    private static bool Is(Operand operand, double value) => operand.IsConstant && operand.Value == value;

    /// <summary>
    /// Arithmetic on operands that appends to the builder, making no vertex for what changes nothing:
    /// adding 0, multiplying by 1, a product with 0, a power 0 or 1; −1 as a factor is a negation.
    /// </summary>
    private readonly record struct Terms(GraphBuilder Builder, SourceSpan Span)
    {
        public Operand Apply(OpKind op, params Operand[] operands) => Builder.Apply(op, Span, operands);

        public Operand Add(Operand x, Operand y) => IsZero(x) ? y : IsZero(y) ? x : Apply(OpKind.Add, x, y);

        public Operand Sub(Operand x, Operand y) => IsZero(y) ? x : IsZero(x) ? Neg(y) : Apply(OpKind.Sub, x, y);

        public Operand Neg(Operand x) => Apply(OpKind.Neg, x);

        public Operand Mul(Operand x, Operand y)
        {
            if (IsZero(x) || IsZero(y)) return Zero;
            if (Is(x, 1)) return y;
            if (Is(y, 1)) return x;
            if (Is(x, -1)) return Neg(y);
            if (Is(y, -1)) return Neg(x);
            return Apply(OpKind.Mul, x, y);
        }

        public Operand Div(Operand x, Operand y) => Is(y, 1) ? x : Is(y, -1) ? Neg(x) : Apply(OpKind.Div, x, y);

        public Operand Square(Operand x) => Apply(OpKind.Square, x);

        public Operand Pow(Operand x, Operand y) => IsZero(y) ? One : Is(y, 1) ? x : Apply(OpKind.Pow, x, y);

        public Operand IntegerPower(Operand x, int n) => n == 0 ? One : n == 1 ? x : Builder.IntegerPower(x, n, Span);

        // The same value on both arms needs no choice.
        public Operand Select(Operand condition, Operand whenTrue, Operand whenFalse) =>
            whenTrue == whenFalse ? whenTrue : Apply(OpKind.Select, condition, whenTrue, whenFalse);
    }
}
