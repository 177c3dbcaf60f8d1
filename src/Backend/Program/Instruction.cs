using System.Runtime.InteropServices;

namespace Elim.Backend.Program;

/// <summary>
/// One instruction of the straight-line program: its result is program value <c>Id</c>. Operands are
/// constants or non-negated program values (<see cref="Term.Negated"/> is always false here).
/// </summary>
/// <param name="Op">The operation.</param>
/// <param name="A">First operand (unused for <see cref="IrOp.Input"/> and <see cref="IrOp.Data"/>).</param>
/// <param name="B">Second operand of binary and ternary operations; the constant 0 otherwise.</param>
/// <param name="Index">The input number of <see cref="IrOp.Input"/>, the data number of <see cref="IrOp.Data"/>; 0 otherwise.</param>
[StructLayout(LayoutKind.Auto)]
public readonly record struct Instruction(IrOp Op, Term A, Term B, int Index)
{
    /// <summary>Third operand of ternary operations; the constant 0 otherwise.</summary>
    public Term C { get; init; } = Term.Zero;

    /// <summary>Number of operands (0 for inputs and data).</summary>
    public int Arity => IrOps.Arity(Op);

    /// <summary>Operand <paramref name="j"/> (0: <see cref="A"/>, 1: <see cref="B"/>, 2: <see cref="C"/>), without allocating.</summary>
    public Term Operand(int j) => j switch { 0 => A, 1 => B, _ => C };

    /// <summary>The operands in order: <see cref="A"/>, <see cref="B"/> and <see cref="C"/> as far as the arity goes.</summary>
    public IEnumerable<Term> Operands => new[] { A, B, C }.Take(Arity);
}
