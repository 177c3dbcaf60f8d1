using Elim.Graph;

namespace Elim.Frontend;

/// <summary>A statement of a function body.</summary>
public abstract record StatementSyntax(SourceSpan Span);

/// <summary>The left side of an assignment: <c>name</c>, <c>name[i]</c> or <c>name[i, j]</c>.</summary>
public sealed record TargetSyntax(string Name, IReadOnlyList<ExpressionSyntax> Indices, SourceSpan Span)
{
    /// <summary>True for an element target.</summary>
    public bool IsElement => Indices.Count > 0;
}

/// <summary><c>target = value;</c></summary>
public sealed record AssignSyntax(TargetSyntax Target, ExpressionSyntax Value, SourceSpan Span) : StatementSyntax(Span);

/// <summary><c>(a, b, c) = helper(...);</c></summary>
public sealed record DestructureSyntax(IReadOnlyList<TargetSyntax> Targets, CallSyntax Call, SourceSpan Span) : StatementSyntax(Span);

/// <summary><c>for name in low..high { body }</c>: a compile-time loop over the half-open range; the span covers the loop variable.</summary>
public sealed record ForSyntax(
    string Variable,
    ExpressionSyntax Low,
    ExpressionSyntax High,
    IReadOnlyList<StatementSyntax> Body,
    SourceSpan Span) : StatementSyntax(Span);

/// <summary>
/// <c>if (condition) { then } else { otherwise }</c>; <c>else if</c> is an <see cref="IfSyntax"/> alone in
/// <see cref="Otherwise"/>. Both branches are computed; the span covers the keyword.
/// </summary>
public sealed record IfSyntax(
    ExpressionSyntax Condition,
    IReadOnlyList<StatementSyntax> Then,
    IReadOnlyList<StatementSyntax>? Otherwise,
    SourceSpan Span) : StatementSyntax(Span);
