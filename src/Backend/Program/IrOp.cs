namespace Elim.Backend.Program;

/// <summary>
/// The operations of the straight-line program that the emitters turn into code. Graph operations
/// (<see cref="Elim.Graph.OpKind"/>) and their local partials are written in these by the emit rules.
/// </summary>
public enum IrOp
{
    /// <summary>Loads independent number <see cref="Instruction.Index"/>.</summary>
    Input,
    /// <summary>Loads data input number <see cref="Instruction.Index"/> (read at run time, never differentiated).</summary>
    Data,
    Add,
    Sub,
    Mul,
    Div,
    Neg,
    Sqrt,
    Abs,
    Min,
    Max,
    Exp,
    Log,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Asinh,
    Acosh,
    Atanh,
    Log1p,
    Erf,
    Pow,
    Atan2,
    /// <summary>1 where a &lt; b, 0 where a &gt; b, ½ otherwise (ties and NaN): the min/max partial.</summary>
    Below,
    /// <summary>0 where the first operand is 0, else the second (∂pow conventions at 0).</summary>
    ZeroWhereZero,
    /// <summary>∂(a^b)/∂a from a, b and r = a^b (see <see cref="Elim.Graph.SpecialFunctions.PowBaseSlope"/>).</summary>
    PowBaseSlope,
    /// <summary>
    /// a^b given c = ln a already computed (for ∂(a^b)/∂b): vector code takes e^(b·c) and saves a logarithm; scalar
    /// code ignores c and calls <see cref="Math.Pow"/>, so it keeps the interpreter's values exactly.
    /// </summary>
    PowFromLog,
    /// <summary>1 where a &lt; b, else 0 (NaN gives 0).</summary>
    Less,
    /// <summary>1 where a ≤ b, else 0 (NaN gives 0).</summary>
    LessEqual,
    /// <summary>1 where a = b, else 0 (NaN gives 0).</summary>
    Equal,
    /// <summary>1 where a ≠ b, else 0 (NaN gives 1).</summary>
    NotEqual,
    /// <summary>
    /// b where a is nonzero (NaN included), else c: a per-point choice between two values already computed, never
    /// arithmetic on them, so a NaN or infinity in the arm not chosen does not reach the result.
    /// </summary>
    Select,
}
