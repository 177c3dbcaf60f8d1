using Elim.Graph;
using Sprache;

namespace Elim.Frontend.Syntax;

/// <summary>Turns a Sprache failure into a designed diagnostic: what was found, what was expected, and a hint.</summary>
internal static class SyntaxErrors
{
    /// <summary>The diagnostic for a parse that failed at <paramref name="remainder"/>.</summary>
    public static Diagnostic From(string file, string text, IInput remainder, IEnumerable<string> expectations)
    {
        var expected = expectations.Distinct().ToList();
        int previous = EndOfPreviousToken(text, remainder.Position);
        var (line, column) = LineAndColumn(text, previous);
        // A ';' forgotten at the end of a line is reported where it belongs, not on the next line.
        if (expected.SequenceEqual(["';'"]) && (line < remainder.Line || remainder.AtEnd || remainder.Current == '}'))
        {
            return new Diagnostic(new SourceSpan(file, line, column, 1),
                $"missing ';' before {Describe(text, remainder.Position)}", "end every statement and const with ';'");
        }
        string found = Describe(text, remainder.Position);
        var span = new SourceSpan(file, remainder.Line, remainder.Column, Math.Max(1, TokenLength(text, remainder.Position)));
        string wanted = expected.Count == 0 ? "something else" : string.Join(" or ", expected);
        return new Diagnostic(span, $"unexpected {found}, expected {wanted}", Hint(text, remainder.Position, expected));
    }

    private static string? Hint(string text, int position, List<string> expected)
    {
        if (ForeignOperator(text, position) is { } instead) return instead;
        if (position < text.Length && text[position] is var c && !Tokens.IsWordPart(c) && !char.IsWhiteSpace(c) && "+-*/^()[]{},;=.#<>!&|?:@".IndexOf(c) < 0)
            return char.IsControl(c)
                ? $"{Shown(c)} is not part of the language; remove it"
                : $"'{c}' is not part of the language; names use letters, digits and '_'";
        if (KeywordAsName(text, position, expected) is { } keyword) return $"'{keyword}' is a keyword; a value needs another name";
        if (expected.SequenceEqual(["'='"]) && position < text.Length && text[position] == '(')
            return "a call is an expression: assign what it returns, as in y = f(x);";
        if (expected.Contains("'->'")) return "write the outputs after '->', as in: function f(x) -> (y) { ... }";
        if (expected.Exists(e => e.Contains("')'"))) return "close every '(' with ')'";
        if (expected.Contains("']'")) return "close the index with ']'";
        if (expected.Exists(e => e.Contains("'}'"))) return "close the function body or loop with '}'";
        if (expected.Contains("expression")) return "write a number, a name, a call or a parenthesized expression here";
        if (expected.Contains("'const' or 'function'")) return "a file holds 'const' declarations and 'function' definitions; statements go inside a function body";
        if (expected.Contains("'..'")) return "a loop range is written low..high";
        return expected.Count == 0 ? null : $"write {string.Join(" or ", expected)} here";
    }

    // A keyword where a value is read (an expression is expected) or assigned (an '=' follows it).
    private static string? KeywordAsName(string text, int position, List<string> expected)
    {
        int length = TokenLength(text, position);
        if (position >= text.Length || !Tokens.IsKeyword(text.AsSpan(position, length))) return null;
        int next = position + length;
        while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
        bool assigned = next < text.Length && text[next] == '=' && (next + 1 == text.Length || text[next + 1] != '=');
        return assigned || expected.Contains("expression") ? text.Substring(position, length) : null;
    }

    // Operators of other languages, with what this one writes instead.
    private static string? ForeignOperator(string text, int position)
    {
        if (position >= text.Length) return null;
        char at = text[position], before = position > 0 ? text[position - 1] : ' ', after = position + 1 < text.Length ? text[position + 1] : ' ';
        return at switch
        {
            '*' when before == '*' => "powers are written x ^ y",
            '*' when after == '*' => "powers are written x ^ y",
            '%' => "'%' is not part of the language: there is no remainder operator",
            '&' when after != '&' && before != '&' => "'and' is written &&",
            '|' when after != '|' && before != '|' => "'or' is written ||",
            _ => null,
        };
    }

    /// <summary>How the text at <paramref name="position"/> is named in a message.</summary>
    public static string Describe(string text, int position) =>
        position >= text.Length ? "end of file"
        : char.IsControl(text[position]) && !char.IsWhiteSpace(text[position]) ? Shown(text[position])
        : $"'{text.Substring(position, TokenLength(text, position))}'";

    // A control character (a NUL, a form feed) by its code: a terminal would not show it.
    private static string Shown(char c) => $"control character U+{(int)c:X4}";

    private static int TokenLength(string text, int position)
    {
        if (position >= text.Length) return 1;
        int end = position;
        if (Tokens.IsWordPart(text[position]) || text[position] == '.')
            while (end < text.Length && (Tokens.IsWordPart(text[end]) || text[end] == '.')) end++;
        return Math.Max(1, end - position);
    }

    // Backs up over whitespace and line comments to just after the last real token.
    private static int EndOfPreviousToken(string text, int position)
    {
        int p = position;
        while (true)
        {
            while (p > 0 && char.IsWhiteSpace(text[p - 1])) p--;
            int lineStart = text.LastIndexOf('\n', Math.Max(0, p - 1)) + 1;
            if (p == 0 || lineStart >= p) return p;
            int comment = CommentStart(text, lineStart, p);
            if (comment < 0) return p;
            p = comment;
        }
    }

    private static int CommentStart(string text, int lineStart, int end)
    {
        for (int i = lineStart; i < end; i++)
        {
            if (text[i] == '#') return i;
            if (text[i] == '/' && i + 1 < end && text[i + 1] == '/') return i;
        }
        return -1;
    }

    /// <summary>1-based line and column of <paramref name="position"/>.</summary>
    public static (int Line, int Column) LineAndColumn(string text, int position)
    {
        int line = 1, column = 1;
        for (int i = 0; i < position && i < text.Length; i++)
        {
            if (text[i] == '\n') { line++; column = 1; }
            else column++;
        }
        return (line, column);
    }
}
