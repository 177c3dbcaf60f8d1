using Elim.Graph;

namespace Elim.Frontend.Lowering;

/// <summary>What an expression evaluates to at compile time.</summary>
internal abstract record Value;

/// <summary>
/// A scalar: an input, a data input, a vertex or a constant. <see cref="IsInteger"/> marks constants written as
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

/// <summary>A whole array of <see cref="Shape"/>, its elements in row-major order.</summary>
internal sealed record ArrayValue(IReadOnlyList<Operand> Elements, Shape Shape) : Value
{
    /// <summary>A vector of <paramref name="elements"/>.</summary>
    public ArrayValue(IReadOnlyList<Operand> elements) : this(elements, Shape.Vector(elements.Count)) { }

    /// <summary>Element (<paramref name="row"/>, <paramref name="column"/>) of a matrix.</summary>
    public Operand At(int row, int column) => Elements[Shape.Flat(row, column)];
}
