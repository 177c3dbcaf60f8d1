using Elim.Graph;

namespace Elim.Frontend.Lowering;

/// <summary>Thrown inside the lowering at the first error; the facade turns it into a <see cref="DiagnosticException"/>.</summary>
internal sealed class LoweringError(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    /// <summary>The error.</summary>
    public Diagnostic Diagnostic { get; } = diagnostic;

    /// <summary>Shorthand for <c>new LoweringError(new Diagnostic(span, message, hint))</c>.</summary>
    public static LoweringError At(SourceSpan span, string message, string? hint = null) => new(new Diagnostic(span, message, hint));
}
