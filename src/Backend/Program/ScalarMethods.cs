using System.Reflection;
using Elim.Graph;

namespace Elim.Backend.Program;

/// <summary>
/// The static method that computes each <see cref="IrOp"/> without an IL opcode of its own: the
/// <see cref="Math"/> functions, and <see cref="SpecialFunctions"/> where <see cref="Math"/> has none.
/// </summary>
public static class ScalarMethods
{
    private static readonly Dictionary<IrOp, MethodInfo> Methods = new()
    {
        [IrOp.Sqrt] = MathMethod(nameof(Math.Sqrt), 1),
        [IrOp.Abs] = MathMethod(nameof(Math.Abs), 1),
        [IrOp.Min] = MathMethod(nameof(Math.Min), 2),
        [IrOp.Max] = MathMethod(nameof(Math.Max), 2),
        [IrOp.Exp] = MathMethod(nameof(Math.Exp), 1),
        [IrOp.Log] = MathMethod(nameof(Math.Log), 1),
        [IrOp.Sin] = MathMethod(nameof(Math.Sin), 1),
        [IrOp.Cos] = MathMethod(nameof(Math.Cos), 1),
        [IrOp.Tan] = MathMethod(nameof(Math.Tan), 1),
        [IrOp.Asin] = MathMethod(nameof(Math.Asin), 1),
        [IrOp.Acos] = MathMethod(nameof(Math.Acos), 1),
        [IrOp.Atan] = MathMethod(nameof(Math.Atan), 1),
        [IrOp.Sinh] = MathMethod(nameof(Math.Sinh), 1),
        [IrOp.Cosh] = MathMethod(nameof(Math.Cosh), 1),
        [IrOp.Tanh] = MathMethod(nameof(Math.Tanh), 1),
        [IrOp.Asinh] = MathMethod(nameof(Math.Asinh), 1),
        [IrOp.Acosh] = MathMethod(nameof(Math.Acosh), 1),
        [IrOp.Atanh] = MathMethod(nameof(Math.Atanh), 1),
        [IrOp.Pow] = MathMethod(nameof(Math.Pow), 2),
        [IrOp.Atan2] = MathMethod(nameof(Math.Atan2), 2),
        [IrOp.Log1p] = typeof(SpecialFunctions).GetMethod(nameof(SpecialFunctions.Log1p))!,
        [IrOp.Erf] = typeof(SpecialFunctions).GetMethod(nameof(SpecialFunctions.Erf))!,
    };

    /// <summary>The method computing <paramref name="op"/>, or null if it has an IL opcode or is composite.</summary>
    public static MethodInfo? Of(IrOp op) => Methods.GetValueOrDefault(op);

    /// <summary>Evaluates a method-backed <paramref name="op"/> (for constant folding).</summary>
    public static double Evaluate(IrOp op, double a, double b)
    {
        var method = Of(op) ?? throw new ArgumentException($"{op} has no scalar method.", nameof(op));
        object?[] arguments = method.GetParameters().Length == 1 ? [a] : [a, b];
        return (double)method.Invoke(null, arguments)!;
    }

    private static MethodInfo MathMethod(string name, int arity) =>
        typeof(Math).GetMethod(name, Enumerable.Repeat(typeof(double), arity).ToArray())!;
}
