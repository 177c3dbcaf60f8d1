using Elim.Graph;

namespace Elim.Frontend;

/// <summary>A parsed <c>.elim</c> file: its constants and functions in source order.</summary>
/// <param name="File">The file name used in diagnostics.</param>
/// <param name="Source">The source text, for rendering diagnostics.</param>
/// <param name="Constants">Top-level <c>const</c> declarations, in source order.</param>
/// <param name="Functions">Function definitions, in source order.</param>
public sealed record ProgramSyntax(string File, string Source, IReadOnlyList<ConstSyntax> Constants, IReadOnlyList<FunctionSyntax> Functions);

/// <summary><c>const name = value;</c></summary>
public sealed record ConstSyntax(string Name, ExpressionSyntax Value, SourceSpan Span);

/// <summary>
/// A parameter or output: a scalar, or an array with <see cref="Dimensions"/> (one for <c>v[n]</c>, two for
/// <c>W[m,n]</c>; a dimension that is not a positive integer is kept as 0 and reported by the lowering).
/// A <c>data</c> parameter is read but never differentiated.
/// </summary>
public sealed record ParameterSyntax(string Name, IReadOnlyList<int> Dimensions, bool IsData, SourceSpan Span)
{
    /// <summary>True for <c>name[n]</c> and <c>name[m,n]</c>.</summary>
    public bool IsArray => Dimensions.Count > 0;
}

/// <summary><c>function name(parameters) -> (outputs) { body }</c>; the span covers the name.</summary>
public sealed record FunctionSyntax(
    string Name,
    IReadOnlyList<ParameterSyntax> Parameters,
    IReadOnlyList<ParameterSyntax> Outputs,
    IReadOnlyList<StatementSyntax> Body,
    SourceSpan Span);
