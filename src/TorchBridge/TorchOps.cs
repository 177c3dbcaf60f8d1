using Elim.Graph;
using TorchSharp;
using static TorchSharp.torch;

namespace Elim.TorchBridge;

/// <summary>
/// The torch operation of every <see cref="OpKind"/>, one row each. Torch differentiates these with its
/// own backward formulas, which is what makes it an oracle independent of <see cref="OpRules"/>.
/// </summary>
public static class TorchOps
{
    private static readonly Dictionary<OpKind, TorchOp> Table = new()
    {
        [OpKind.Copy] = Unary(a => a.alias()),
        [OpKind.Neg] = Unary(torch.neg),
        [OpKind.Add] = Binary(torch.add),
        [OpKind.Sub] = Binary(torch.sub),
        [OpKind.Mul] = Binary(torch.mul),
        [OpKind.Div] = Binary((a, b) => torch.div(a, b)),
        [OpKind.IntegerPow] = (a, _, _, exponent) => a.pow(exponent),
        [OpKind.Pow] = Binary((a, b) => torch.pow(a, b)),
        [OpKind.Sin] = Unary(torch.sin),
        [OpKind.Cos] = Unary(torch.cos),
        [OpKind.Tan] = Unary(torch.tan),
        [OpKind.Asin] = Unary(torch.asin),
        [OpKind.Acos] = Unary(torch.acos),
        [OpKind.Atan] = Unary(torch.atan),
        [OpKind.Sinh] = Unary(torch.sinh),
        [OpKind.Cosh] = Unary(torch.cosh),
        [OpKind.Tanh] = Unary(torch.tanh),
        [OpKind.Asinh] = Unary(torch.asinh),
        [OpKind.Acosh] = Unary(torch.acosh),
        [OpKind.Atanh] = Unary(torch.atanh),
        [OpKind.Exp] = Unary(torch.exp),
        [OpKind.Log] = Unary(torch.log),
        [OpKind.Log1p] = Unary(torch.log1p),
        [OpKind.Sqrt] = Unary(torch.sqrt),
        [OpKind.Abs] = Unary(torch.abs),
        [OpKind.Erf] = Unary(torch.erf),
        [OpKind.Logistic] = Unary(torch.sigmoid),
        [OpKind.Square] = Unary(torch.square),
        [OpKind.Atan2] = Binary(torch.atan2),
        [OpKind.Min] = Binary(torch.minimum),
        [OpKind.Max] = Binary(torch.maximum),
        [OpKind.Less] = Predicate((a, b) => a.lt(b)),
        [OpKind.LessEqual] = Predicate((a, b) => a.le(b)),
        [OpKind.Equal] = Predicate((a, b) => a.eq(b)),
        [OpKind.NotEqual] = Predicate((a, b) => a.ne(b)),
        [OpKind.And] = Predicate((a, b) => a.ne(0).logical_and(b.ne(0))),
        [OpKind.Or] = Predicate((a, b) => a.ne(0).logical_or(b.ne(0))),
        [OpKind.Not] = (a, _, _, _) => a.detach().eq(0).to_type(ScalarType.Float64),
        [OpKind.Select] = (c, a, b, _) => torch.where(c.ne(0), Operand(a), Operand(b)),
        [OpKind.StopGradient] = Unary(a => a.detach()),
    };

    /// <summary>Whether <paramref name="kind"/> has a torch operation.</summary>
    public static bool Has(OpKind kind) => Table.ContainsKey(kind);

    /// <summary>The torch operation of <paramref name="kind"/>.</summary>
    public static TorchOp Of(OpKind kind) =>
        Table.TryGetValue(kind, out var op) ? op : throw new NotSupportedException($"No torch operation for {kind}.");

    private static TorchOp Unary(Func<Tensor, Tensor> f) => (a, _, _, _) => f(a);

    private static TorchOp Binary(Func<Tensor, Tensor, Tensor> f) => (a, b, _, _) => f(a, Operand(b));

    // A comparison or logical operation: 1 or 0 as float64, with no gradient flowing through it.
    private static TorchOp Predicate(Func<Tensor, Tensor, Tensor> test) =>
        (a, b, _, _) => test(a.detach(), Operand(b).detach()).to_type(ScalarType.Float64);

    private static Tensor Operand(Tensor? operand) =>
        operand ?? throw new ArgumentNullException(nameof(operand), "The operation needs more operands.");
}
