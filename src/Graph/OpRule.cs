namespace Elim.Graph;

/// <summary>Evaluates an operation from its operand values (unused operands are 0).</summary>
public delegate double EvaluateRule(double a, double b, double c, int exponent);

/// <summary>
/// The local partial derivative of an operation with respect to one operand, from the operand values
/// and the already computed result.
/// </summary>
public delegate double PartialRule(double a, double b, double c, double result, int exponent);

/// <summary>Everything the graph layer knows about one <see cref="OpKind"/>.</summary>
/// <param name="Kind">The operation.</param>
/// <param name="Name">The name used by the printer and in the language (for functions).</param>
/// <param name="Arity">Number of operands (1 to 3).</param>
/// <param name="Evaluate">The primal.</param>
/// <param name="Partials">
/// One partial rule per operand; null where the operation is not differentiable in that operand (a
/// comparison's operands, a select's condition): such an operand gives no edge.
/// </param>
public sealed record OpRule(OpKind Kind, string Name, int Arity, EvaluateRule Evaluate, IReadOnlyList<PartialRule?> Partials)
{
    /// <summary>Whether operand <paramref name="operand"/> carries a derivative (an edge).</summary>
    public bool IsDifferentiable(int operand) => Partials[operand] is not null;

    /// <summary>The primal of <paramref name="operands"/> (one to three values).</summary>
    public double Apply(ReadOnlySpan<double> operands, int exponent) =>
        Evaluate(operands[0], operands.Length > 1 ? operands[1] : 0, operands.Length > 2 ? operands[2] : 0, exponent);
}
