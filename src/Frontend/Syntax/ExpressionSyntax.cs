using Elim.Graph;

namespace Elim.Frontend;

/// <summary>An expression; <see cref="Span"/> covers its whole text.</summary>
public abstract record ExpressionSyntax(SourceSpan Span);

/// <summary>A number literal; <see cref="IsInteger"/> when written without a point or exponent.</summary>
public sealed record NumberSyntax(double Value, bool IsInteger, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>A reference to a variable, parameter, output, loop variable or const.</summary>
public sealed record NameSyntax(string Name, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>One position of an index: a single index, or a slice <c>low:high</c> whose bounds may be left out.</summary>
public sealed record IndexPart(ExpressionSyntax? Index, ExpressionSyntax? Low, ExpressionSyntax? High, bool IsSlice, SourceSpan Span)
{
    /// <summary>A single index.</summary>
    public static IndexPart Single(ExpressionSyntax index) => new(index, null, null, false, index.Span);

    /// <summary>A slice <c>low:high</c> (either bound may be null).</summary>
    public static IndexPart Slice(ExpressionSyntax? low, ExpressionSyntax? high, SourceSpan span) => new(null, low, high, true, span);
}

/// <summary><c>name[i]</c>, <c>name[i, j]</c>, or with slices: <c>v[i:j]</c>, <c>A[i, :]</c>, <c>A[:, j]</c>.</summary>
public sealed record IndexSyntax(string Name, IReadOnlyList<IndexPart> Parts, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>Unary minus.</summary>
public sealed record NegateSyntax(ExpressionSyntax Operand, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>Logical not, <c>!c</c>.</summary>
public sealed record NotSyntax(ExpressionSyntax Operand, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>A binary operator: one of <c>+ - * / ^ @</c>.</summary>
public sealed record BinarySyntax(char Operator, ExpressionSyntax Left, ExpressionSyntax Right, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>A comparison (<c>&lt; &lt;= &gt; &gt;= == !=</c>) or a logical operator (<c>&amp;&amp; ||</c>).</summary>
public sealed record LogicalSyntax(string Operator, ExpressionSyntax Left, ExpressionSyntax Right, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
public sealed record ConditionalSyntax(ExpressionSyntax Condition, ExpressionSyntax WhenTrue, ExpressionSyntax WhenFalse, SourceSpan Span)
    : ExpressionSyntax(Span);

/// <summary>An array literal <c>[a, b, c]</c>; rows of a matrix are nested literals or arrays.</summary>
public sealed record ArrayLiteralSyntax(IReadOnlyList<ExpressionSyntax> Elements, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary>A call of an elementary function or a helper; <see cref="NameSpan"/> covers the name.</summary>
public sealed record CallSyntax(string Name, IReadOnlyList<ExpressionSyntax> Arguments, SourceSpan NameSpan, SourceSpan Span) : ExpressionSyntax(Span);

/// <summary><c>grad(f)(arguments)</c>: the gradient of helper <see cref="Function"/> at the arguments.</summary>
public sealed record GradSyntax(string Function, IReadOnlyList<ExpressionSyntax> Arguments, SourceSpan FunctionSpan, SourceSpan Span)
    : ExpressionSyntax(Span);
