using Elim.Graph;

namespace Elim.Frontend;

/// <summary>A statement of a function body.</summary>
public abstract record StatementSyntax(SourceSpan Span);

/// <summary>The left side of an assignment: <c>name</c> or <c>name[index]</c>.</summary>
public sealed record TargetSyntax(string Name, ExpressionSyntax? Index, SourceSpan Span);

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
