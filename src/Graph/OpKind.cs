namespace Elim.Graph;

/// <summary>The single list of primitive operations a vertex can perform.</summary>
public enum OpKind
{
    /// <summary>Copies its operand; used for outputs that only copy another value.</summary>
    Copy,
    Neg,
    Add,
    Sub,
    Mul,
    Div,
    /// <summary><c>x^n</c> with a constant integer exponent <see cref="Vertex.Exponent"/>.</summary>
    IntegerPow,
    /// <summary><c>x^y</c> with a non-constant-integer exponent.</summary>
    Pow,
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
    Exp,
    Log,
    Log1p,
    Sqrt,
    Abs,
    Erf,
    Logistic,
    Square,
    Atan2,
    Min,
    Max,
}
