namespace Elim.Graph;

/// <summary>A place in a source file: 1-based line and column, and the length of the text.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column, int Length)
{
    /// <summary>A span for values that come from no source text.</summary>
    public static readonly SourceSpan None = new("", 0, 0, 0);

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
