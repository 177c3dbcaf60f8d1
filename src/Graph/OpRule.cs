namespace Elim.Graph;

/// <summary>Evaluates an operation from its operand values (b is 0 for unary ops).</summary>
public delegate double EvaluateRule(double a, double b, int exponent);

/// <summary>
/// The local partial derivative of an operation with respect to one operand, from the operand values
/// and the already computed result.
/// </summary>
public delegate double PartialRule(double a, double b, double result, int exponent);

/// <summary>Everything the graph layer knows about one <see cref="OpKind"/>.</summary>
/// <param name="Kind">The operation.</param>
/// <param name="Name">The name used by the printer and in the language (for functions).</param>
/// <param name="Arity">Number of operands (1 or 2).</param>
/// <param name="Evaluate">The primal.</param>
/// <param name="Partials">One partial rule per operand.</param>
public sealed record OpRule(OpKind Kind, string Name, int Arity, EvaluateRule Evaluate, IReadOnlyList<PartialRule> Partials);
