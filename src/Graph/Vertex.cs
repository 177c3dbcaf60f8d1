namespace Elim.Graph;

/// <summary>One primitive operation of the graph.</summary>
/// <param name="Id">1-based id in evaluation order (the paper's numbering).</param>
/// <param name="Op">The operation.</param>
/// <param name="Operands">Operands in source order; constants give no edge.</param>
/// <param name="Exponent">The integer exponent of <see cref="OpKind.IntegerPow"/>; 0 otherwise.</param>
/// <param name="Span">Where the operation was written.</param>
public sealed record Vertex(int Id, OpKind Op, IReadOnlyList<Operand> Operands, int Exponent, SourceSpan Span);
