using Elim.Backend.Program;
using Elim.Graph;

namespace Elim.Backend.Lowering;

/// <summary>Elimination on terms: each product and sum becomes an instruction of the program being built (or folds away).</summary>
internal sealed class TermAlgebra(ProgramBuilder builder) : IEdgeAlgebra<Term>
{
    public Term Product(Term successorEdge, Term predecessorEdge) => builder.EliminationProduct(successorEdge, predecessorEdge);

    public Term Sum(Term existing, Term product) => builder.Add(existing, product);
}
