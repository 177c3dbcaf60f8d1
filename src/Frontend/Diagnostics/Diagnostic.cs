using System.Text;
using Elim.Graph;

namespace Elim.Frontend;

/// <summary>An error in a <c>.elim</c> program: where it is, what is wrong, and how to fix it.</summary>
/// <param name="Span">The offending text.</param>
/// <param name="Message">What is wrong, in one line.</param>
/// <param name="Hint">What would fix it, or null.</param>
public sealed record Diagnostic(SourceSpan Span, string Message, string? Hint)
{
    /// <summary>
    /// Renders <c>file:line:col: error: message</c>, the source line, a caret line under the offending
    /// text and the hint. A span without a line (a file that cannot be read) renders <c>file: error: ...</c>.
    /// </summary>
    public string Render(string sourceText)
    {
        var text = new StringBuilder();
        if (Span.Line < 1)
        {
            text.Append(Span.File).Append(": error: ").Append(Message);
        }
        else
        {
            text.Append(Span).Append(": error: ").Append(Message);
            string[] lines = sourceText.Split('\n');
            if (Span.Line <= lines.Length)
            {
                string line = lines[Span.Line - 1].TrimEnd('\r');
                text.Append('\n').Append(line).Append('\n').Append(Indent(line, Span.Column - 1))
                    .Append('^').Append('~', Math.Max(0, Math.Min(Span.Length, line.Length - Span.Column + 1) - 1));
            }
        }
        if (Hint is not null) text.Append("\nhint: ").Append(Hint);
        return text.ToString();
    }

    // Keeps tabs so that the caret lines up under the text in a terminal.
    private static string Indent(string line, int width)
    {
        var indent = new StringBuilder();
        for (int i = 0; i < width; i++) indent.Append(i < line.Length && line[i] == '\t' ? '\t' : ' ');
        return indent.ToString();
    }
}
