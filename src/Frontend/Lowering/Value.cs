using Elim.Graph;

namespace Elim.Frontend.Lowering;

/// <summary>What an expression evaluates to at compile time.</summary>
internal abstract record Value;

/// <summary>
/// A scalar: an input, a vertex or a constant. <see cref="IsInteger"/> marks constants written as
/// integers (literals, loop variables, integer consts and their + - * ^), which index arrays and make
/// <c>x^n</c> an <c>integer_pow</c>.
/// </summary>
internal sealed record Scalar(Operand Operand, bool IsInteger = false) : Value
{
    /// <summary>The integer value, when this is an integer-valued constant that fits an <see cref="int"/>.</summary>
    public int? AsInt => Operand.IsConstant && Math.Abs(Operand.Value) <= int.MaxValue && Operand.Value == Math.Floor(Operand.Value)
        ? (int)Operand.Value
        : null;
}

/// <summary>A whole array, element by element.</summary>
internal sealed record ArrayValue(IReadOnlyList<Operand> Elements) : Value;
