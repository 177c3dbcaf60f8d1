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

/// <summary>A parameter or output: a scalar, or an array of <see cref="Size"/> scalars.</summary>
public sealed record ParameterSyntax(string Name, int? Size, SourceSpan Span)
{
    /// <summary>True for <c>name[n]</c>.</summary>
    public bool IsArray => Size is not null;
}

/// <summary><c>function name(parameters) -> (outputs) { body }</c>; the span covers the name.</summary>
public sealed record FunctionSyntax(
    string Name,
    IReadOnlyList<ParameterSyntax> Parameters,
    IReadOnlyList<ParameterSyntax> Outputs,
    IReadOnlyList<StatementSyntax> Body,
    SourceSpan Span);
