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
    /// <summary>1 where a &lt; b, else 0 (NaN gives 0). Not differentiable: no edges.</summary>
    Less,
    /// <summary>1 where a ≤ b, else 0.</summary>
    LessEqual,
    /// <summary>1 where a = b, else 0.</summary>
    Equal,
    /// <summary>1 where a ≠ b (or either is NaN), else 0.</summary>
    NotEqual,
    /// <summary>1 where both operands are nonzero, else 0.</summary>
    And,
    /// <summary>1 where either operand is nonzero, else 0.</summary>
    Or,
    /// <summary>1 where the operand is 0, else 0.</summary>
    Not,
    /// <summary>
    /// <c>c ? a : b</c> on operands (c, a, b): a where c is nonzero, else b. Both arms are computed; the
    /// partials are those of the selected arm (1 on its edge, 0 on the other); the condition has no edge.
    /// </summary>
    Select,
    /// <summary>Its operand's value, with no partial: what is computed through it counts as a constant (JAX's stop_gradient).</summary>
    StopGradient,
}
