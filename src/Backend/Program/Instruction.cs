namespace Elim.Backend.Program;

/// <summary>
/// One instruction of the straight-line program: its result is program value <c>Id</c>. Operands are
/// constants or non-negated program values (<see cref="Term.Negated"/> is always false here).
/// </summary>
/// <param name="Op">The operation.</param>
/// <param name="A">First operand (unused for <see cref="IrOp.Input"/>).</param>
/// <param name="B">Second operand of binary operations; the constant 0 otherwise.</param>
/// <param name="Index">The input number of <see cref="IrOp.Input"/>; 0 otherwise.</param>
public readonly record struct Instruction(IrOp Op, Term A, Term B, int Index)
{
    /// <summary>Number of operands (0 for inputs).</summary>
    public int Arity => IrOps.Arity(Op);
}
