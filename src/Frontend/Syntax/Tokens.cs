using System.Globalization;
using Elim.Graph;
using Sprache;

namespace Elim.Frontend.Syntax;

/// <summary>
/// Token parsers. Every token eats the whitespace and comments after it, never before it, so that a
/// token that does not match fails where it started; <c>XOr</c>/<c>XMany</c> then report a mistake
/// where it really is instead of backtracking over it. Tokens are scanned by hand, not composed from
/// Sprache's character parsers: those allocate at every character, and a program of 10⁵ statements
/// must parse in about a second.
/// </summary>
internal sealed class Tokens(string file)
{
    private static readonly HashSet<string> Keywords = ["const", "function", "for", "in", "if", "else", "data"];
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KeywordSpans = Keywords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="word"/> is a keyword, which cannot name a value.</summary>
    public static bool IsKeyword(ReadOnlySpan<char> word) => KeywordSpans.Contains(word);

    /// <summary>How a token's text and place become its value (the text is read in place: most tokens need no string).</summary>
    private delegate T TokenValue<out T>(ReadOnlySpan<char> text, SourceSpan span);

    /// <summary>Whitespace and comments (<c>//</c> or <c>#</c> to the end of the line), possibly none.</summary>
    public static readonly Parser<string> Skip = input => Result.Success("", TextInput.To(input, EndOfSkip(input.Source, input.Position)));

    private static int EndOfSkip(string text, int position)
    {
        while (position < text.Length)
        {
            char c = text[position];
            if (char.IsWhiteSpace(c)) position++;
            else if (c == '#' || (c == '/' && position + 1 < text.Length && text[position + 1] == '/'))
                while (position < text.Length && text[position] != '\n') position++;
            else break;
        }
        return position;
    }

    /// <summary>True for characters that can start a name.</summary>
    public static bool IsWordStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    /// <summary>True for characters that can continue a name.</summary>
    public static bool IsWordPart(char c) => IsWordStart(c) || c is >= '0' and <= '9';

    private static int WordLength(string text, int start)
    {
        if (!IsWordStart(text[start])) return 0;
        int end = start + 1;
        while (end < text.Length && IsWordPart(text[end])) end++;
        return end - start;
    }

    private readonly Dictionary<string, Parser<SourceSpan>> _symbols = [];
    private readonly HashSet<string> _names = [];
    private Parser<(string Name, SourceSpan Span)>? _name;
    private Parser<NumberSyntax>? _number;

    /// <summary>A name that is not a keyword; every occurrence of a name in the file is the same string.</summary>
    public Parser<(string Name, SourceSpan Span)> Name => _name ??=
        Token("name", (text, start) => WordLength(text, start) is var n && n > 0 && !KeywordSpans.Contains(text.AsSpan(start, n)) ? n : 0,
            (text, span) => (NameString(text), span));

    private string NameString(ReadOnlySpan<char> text)
    {
        var names = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (names.TryGetValue(text, out string? name)) return name;
        name = text.ToString();
        _names.Add(name);
        return name;
    }

    /// <summary>The keyword <paramref name="keyword"/>.</summary>
    public Parser<SourceSpan> Keyword(string keyword) => Cached("keyword " + keyword, () =>
        Token($"'{keyword}'", (text, start) => WordLength(text, start) == keyword.Length && text.AsSpan(start).StartsWith(keyword) ? keyword.Length : 0,
            (_, span) => span));

    /// <summary>The punctuation <paramref name="symbol"/>.</summary>
    public Parser<SourceSpan> Symbol(string symbol) => Cached(symbol, () =>
        Token($"'{symbol}'", (text, start) => text.AsSpan(start).StartsWith(symbol) ? symbol.Length : 0, (_, span) => span));

    /// <summary>The first of <paramref name="symbols"/> that the text starts with, called <paramref name="name"/> when none does.</summary>
    public Parser<string> OneOf(string name, params string[] symbols) =>
        Token(name, (text, start) => FirstStarting(symbols, text.AsSpan(start))?.Length ?? 0, (text, _) => FirstStarting(symbols, text)!);

    private static string? FirstStarting(string[] symbols, ReadOnlySpan<char> text)
    {
        foreach (string symbol in symbols)
        {
            if (text.StartsWith(symbol)) return symbol;
        }
        return null;
    }

    // Parsers are built once per file: rebuilding them inside SelectMany lambdas at every token is slow.
    private Parser<SourceSpan> Cached(string key, Func<Parser<SourceSpan>> build)
    {
        if (!_symbols.TryGetValue(key, out var parser)) _symbols[key] = parser = build();
        return parser;
    }

    /// <summary>A number: <c>2</c>, <c>0.5</c>, <c>.5</c>, <c>1e-3</c>.</summary>
    public Parser<NumberSyntax> Number => _number ??= Token("number", NumberLength,
        (text, span) => new NumberSyntax(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), !text.ContainsAnyExceptInRange('0', '9'), span));

    // digits [. digits] [e [+-] digits], or . digits [e [+-] digits]; a '.' or 'e' not followed by digits is not part of the number (0..3).
    private static int NumberLength(string text, int start)
    {
        int Digits(int from)
        {
            int end = from;
            while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
            return end - from;
        }
        int end = start + Digits(start);
        if (end < text.Length && text[end] == '.' && Digits(end + 1) is > 0 and var fraction) end += 1 + fraction;
        if (end == start) return 0;
        if (end < text.Length && text[end] is 'e' or 'E')
        {
            int digitsAt = end + 1 + (end + 1 < text.Length && text[end + 1] is '+' or '-' ? 1 : 0);
            if (Digits(digitsAt) is > 0 and var exponent) end = digitsAt + exponent;
        }
        return end - start;
    }

    /// <summary>
    /// The token whose length <paramref name="length"/> gives at a place in the text (0: none starts there), made into a
    /// value from its text and place; then skips what follows. Where none starts, it fails there, expecting
    /// <paramref name="name"/>. Tokens never span lines.
    /// </summary>
    private Parser<T> Token<T>(string name, Func<string, int, int> length, TokenValue<T> value)
    {
        string[] expected = [name];
        string message = $"expected {name}";
        return input =>
        {
            int count = input.AtEnd ? 0 : length(input.Source, input.Position);
            if (count == 0) return Result.Failure<T>(input, message, expected);
            var span = new SourceSpan(file, input.Line, input.Column, count);
            // One input for the token and the skip after it: To counts the lines and columns of both.
            return Result.Success(value(input.Source.AsSpan(input.Position, count), span), TextInput.To(input, EndOfSkip(input.Source, input.Position + count)));
        };
    }

    /// <summary>A span from the start of <paramref name="first"/> to the end of <paramref name="last"/> when on one line.</summary>
    public static SourceSpan Join(SourceSpan first, SourceSpan last) =>
        first.Line == last.Line && last.Column >= first.Column
            ? first with { Length = last.Column + last.Length - first.Column }
            : first;
}
