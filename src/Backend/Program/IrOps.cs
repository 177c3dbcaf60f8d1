namespace Elim.Backend.Program;

/// <summary>Facts about <see cref="IrOp"/>s and their scalar semantics (used to fold constants).</summary>
public static class IrOps
{
    /// <summary>Number of operands of <paramref name="op"/>.</summary>
    public static int Arity(IrOp op) => op switch
    {
        IrOp.Input or IrOp.Data => 0,
        IrOp.Add or IrOp.Sub or IrOp.Mul or IrOp.Div or IrOp.Min or IrOp.Max or IrOp.Pow or IrOp.Atan2
            or IrOp.Below or IrOp.ZeroWhereZero or IrOp.Less or IrOp.LessEqual or IrOp.Equal or IrOp.NotEqual => 2,
        IrOp.PowBaseSlope or IrOp.PowFromLog or IrOp.Select => 3,
        _ => 1,
    };

    /// <summary>The lower-case name used by the program printer.</summary>
    public static string Name(IrOp op) => op.ToString().ToLowerInvariant();

    /// <summary>Evaluates <paramref name="op"/> on scalars exactly as the emitted scalar code does.</summary>
    public static double Evaluate(IrOp op, double a, double b, double c = 0) => op switch
    {
        IrOp.Add => a + b,
        IrOp.Sub => a - b,
        IrOp.Mul => a * b,
        IrOp.Div => a / b,
        IrOp.Neg => -a,
        IrOp.Below => Below(a, b),
        IrOp.ZeroWhereZero => a == 0 ? 0 : b,
        IrOp.PowBaseSlope => Graph.SpecialFunctions.PowBaseSlope(a, b, c),
        IrOp.PowFromLog => Math.Pow(a, b),
        IrOp.Less => a < b ? 1 : 0,
        IrOp.LessEqual => a <= b ? 1 : 0,
        IrOp.Equal => a == b ? 1 : 0,
        IrOp.NotEqual => a != b ? 1 : 0,
        IrOp.Select => a != 0 ? b : c,
        _ => ScalarMethods.Evaluate(op, a, b),
    };

    /// <summary>1 where a &lt; b, 0 where a &gt; b, ½ otherwise; written the way the emitted code computes it.</summary>
    public static double Below(double a, double b) => ((a < b ? 1 : 0) - (a > b ? 1 : 0)) * 0.5 + 0.5;
}
