using Elim.Backend.Program;
using Elim.Graph;

namespace Elim.Backend.Rules;

/// <summary>Writes the primal of an operation into a program: operands a, b, c (0 past the operation's arity), exponent n.</summary>
public delegate Term PrimalEmitter(ProgramBuilder program, Term a, Term b, Term c, int n);

/// <summary>
/// Writes the local partials of an operation, one per operand, given its operands and result r: null where the
/// operation is not differentiable in that operand (as in its <see cref="OpRule"/>), so the operand has no edge.
/// </summary>
public delegate Term?[] PartialsEmitter(ProgramBuilder program, Term a, Term b, Term c, Term r, int n);

/// <summary>How the backend emits one <see cref="OpKind"/>: the same semantics as its <see cref="OpRule"/>.</summary>
/// <param name="Kind">The operation.</param>
/// <param name="Primal">Emits the value.</param>
/// <param name="Partials">Emits ∂value/∂operand for each operand.</param>
public sealed record EmitRule(OpKind Kind, PrimalEmitter Primal, PartialsEmitter Partials);
