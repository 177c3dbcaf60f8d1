namespace Elim.Frontend;

/// <summary>The only exception the frontend throws for a bad program; its message is every diagnostic rendered.</summary>
public sealed class DiagnosticException : Exception
{
    /// <summary>Wraps <paramref name="diagnostics"/>, rendered against <paramref name="sourceText"/>.</summary>
    public DiagnosticException(IReadOnlyList<Diagnostic> diagnostics, string sourceText)
        : base(string.Join("\n", diagnostics.Select(d => d.Render(sourceText))))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>The diagnostics, first error first.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
