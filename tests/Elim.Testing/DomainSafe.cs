using Elim.Graph;

namespace Elim.Testing;

/// <summary>
/// Applies any operation to arbitrary values by first mapping each operand into the operation's domain
/// (positive, inside (−1, 1), above 1, bounded), so that compositions of every kind can be evaluated and
/// differentiated at any point. Comparisons take two values, logic and selects take comparisons.
/// </summary>
public static class DomainSafe
{
    private static readonly Operand One = Operand.Constant(1);

    /// <summary>
    /// Applies <paramref name="kind"/> to operands drawn from <paramref name="pick"/> (left to right), with
    /// <paramref name="exponent"/> for <see cref="OpKind.IntegerPow"/> (a negative one gets a positive base).
    /// </summary>
    public static Operand Apply(GraphBuilder builder, OpKind kind, Func<Operand> pick, int exponent = 2)
    {
        Operand Op(OpKind op, params Operand[] operands) => builder.Apply(op, SourceSpan.None, operands);
        Operand Positive(Operand u) => Op(OpKind.Add, Op(OpKind.Logistic, u), Operand.Constant(0.2)); // in (0.2, 1.2)
        Operand Bounded(Operand u, double bound) => Op(OpKind.Mul, Operand.Constant(bound), Op(OpKind.Tanh, u));
        Operand Condition() => Op(OpKind.Less, pick(), pick());
        return kind switch
        {
            OpKind.Log or OpKind.Sqrt => Op(kind, Positive(pick())),
            OpKind.Asin or OpKind.Acos or OpKind.Atanh => Op(kind, Bounded(pick(), 0.9)),
            OpKind.Acosh => Op(kind, Op(OpKind.Add, Positive(pick()), One)),
            OpKind.Log1p => Op(kind, Bounded(pick(), 0.8)),
            OpKind.Tan => Op(kind, Bounded(pick(), 1.2)),
            OpKind.Exp or OpKind.Sinh or OpKind.Cosh => Op(kind, Bounded(pick(), 2)),
            // A positive x keeps atan2 off its branch cut.
            OpKind.Div or OpKind.Atan2 => Op(kind, pick(), Positive(pick())),
            OpKind.Pow => Op(kind, Positive(pick()), Bounded(pick(), 2)),
            OpKind.IntegerPow => builder.IntegerPower(exponent < 0 ? Positive(pick()) : pick(), exponent, SourceSpan.None),
            OpKind.And or OpKind.Or => Op(kind, Condition(), Condition()),
            OpKind.Not => Op(kind, Condition()),
            OpKind.Select => Op(kind, Condition(), pick(), pick()),
            _ => Op(kind, [.. Enumerable.Range(0, OpRules.Of(kind).Arity).Select(_ => pick())]),
        };
    }
}
