using Elim.Graph;

namespace Elim.Frontend;

/// <summary>An expression; <see cref="Span"/> covers its whole text.</summary>
public abstract record ExpressionSyntax(SourceSpan Span);

/// <summary>A number literal; <see cref="IsInteger"/> when written without a point or exponent.</summary>
public sealed record NumberSyntax(double Value, bool IsInteger, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>A reference to a variable, parameter, output, loop variable or const.</summary>
public sealed record NameSyntax(string Name, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary><c>name[index]</c>.</summary>
public sealed record IndexSyntax(string Name, ExpressionSyntax Index, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>Unary minus.</summary>
public sealed record NegateSyntax(ExpressionSyntax Operand, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>A binary operator: one of <c>+ - * / ^</c>.</summary>
public sealed record BinarySyntax(char Operator, ExpressionSyntax Left, ExpressionSyntax Right, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>A call of an elementary function or a helper; <see cref="NameSpan"/> covers the name.</summary>
public sealed record CallSyntax(string Name, IReadOnlyList<ExpressionSyntax> Arguments, SourceSpan NameSpan, SourceSpan Span) : ExpressionSyntax(Span);
