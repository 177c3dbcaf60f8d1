using System.Globalization;
using System.Runtime.InteropServices;

namespace Elim.Backend.Program;

/// <summary>
/// A value known while the program is being built: a compile-time constant, or a program value
/// (the result of one instruction), possibly negated. Negation is tracked here rather than emitted,
/// because IEEE arithmetic is sign-symmetric: −(a·b) = (−a)·b and a + (−b) = a − b exactly.
/// </summary>
// Auto layout packs it in 16 bytes instead of 24: a program of 10⁵ vertices holds millions of them.
[StructLayout(LayoutKind.Auto)]
public readonly record struct Term
{
    private Term(int value, double constant, bool negated)
    {
        Value = value;
        Constant = constant;
        Negated = negated;
    }

    /// <summary>The program value id, or −1 for a constant.</summary>
    public int Value { get; }

    /// <summary>The constant (meaningful when <see cref="IsConstant"/>).</summary>
    public double Constant { get; }

    /// <summary>Whether the program value is used negated (always false for constants).</summary>
    public bool Negated { get; }

    /// <summary>True for compile-time constants.</summary>
    public bool IsConstant => Value < 0;

    /// <summary>The constant <paramref name="value"/>.</summary>
    public static Term Of(double value) => new(-1, value, false);

    /// <summary>Program value <paramref name="id"/>.</summary>
    public static Term OfValue(int id) => new(id, 0, false);

    /// <summary>The constant 0.</summary>
    public static Term Zero => Of(0);

    /// <summary>−this (free: only the sign flag or the constant changes).</summary>
    public Term Negate() => IsConstant ? Of(-Constant) : new(Value, 0, !Negated);

    /// <summary>This term without its sign flag.</summary>
    public Term Magnitude => IsConstant ? this : OfValue(Value);

    /// <summary>Whether this is the constant <paramref name="value"/> (bitwise, so −0 is not 0).</summary>
    public bool Is(double value) => IsConstant && Constant.Equals(value) && double.IsNegative(Constant) == double.IsNegative(value);

    /// <inheritdoc />
    public override string ToString() => IsConstant
        ? Constant.ToString("R", CultureInfo.InvariantCulture)
        : (Negated ? "-v" : "v") + Value.ToString(CultureInfo.InvariantCulture);
}
