using System.Globalization;
using Elim.Graph;
using Sprache;

namespace Elim.Frontend.Syntax;

/// <summary>
/// Token parsers. Every token eats the whitespace and comments after it, never before it, so that a
/// token that does not match fails where it started; <c>XOr</c>/<c>XMany</c> then report a mistake
/// where it really is instead of backtracking over it.
/// </summary>
internal sealed class Tokens(string file)
{
    private static readonly HashSet<string> Keywords = ["const", "function", "for", "in", "if", "else", "data"];

    private static readonly Parser<string> Comment =
        from start in Parse.String("//").Text().Or(Parse.Char('#').Once().Text())
        from body in Parse.CharExcept('\n').Many().Text()
        select body;

    /// <summary>Whitespace and comments, possibly none.</summary>
    public static readonly Parser<string> Skip =
        Parse.WhiteSpace.Once().Text().Or(Comment).Many().Select(_ => "");

    private static readonly Parser<string> Word =
        Parse.Identifier(Parse.Char(IsWordStart, "letter"), Parse.Char(IsWordPart, "letter or digit"));

    /// <summary>True for characters that can start a name.</summary>
    public static bool IsWordStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    /// <summary>True for characters that can continue a name.</summary>
    public static bool IsWordPart(char c) => IsWordStart(c) || c is >= '0' and <= '9';

    /// <summary>A name that is not a keyword.</summary>
    private readonly Dictionary<string, Parser<SourceSpan>> _symbols = [];
    private Parser<(string Name, SourceSpan Span)>? _name;
    private Parser<NumberSyntax>? _number;

    public Parser<(string Name, SourceSpan Span)> Name => _name ??=
        Token(Word.Where(w => !Keywords.Contains(w))).Named("name");

    /// <summary>The keyword <paramref name="keyword"/>.</summary>
    public Parser<SourceSpan> Keyword(string keyword) => Cached("keyword " + keyword, () =>
        Token(Word.Where(w => w == keyword)).Select(t => t.Span).Named($"'{keyword}'"));

    /// <summary>The punctuation <paramref name="symbol"/>.</summary>
    public Parser<SourceSpan> Symbol(string symbol) => Cached(symbol, () =>
        Token(Atomic(Parse.String(symbol).Text())).Select(t => t.Span).Named($"'{symbol}'"));

    // Parsers are built once per file: rebuilding them inside SelectMany lambdas at every token is slow.
    private Parser<SourceSpan> Cached(string key, Func<Parser<SourceSpan>> build)
    {
        if (!_symbols.TryGetValue(key, out var parser)) _symbols[key] = parser = build();
        return parser;
    }

    /// <summary>A number: <c>2</c>, <c>0.5</c>, <c>.5</c>, <c>1e-3</c>.</summary>
    public Parser<NumberSyntax> Number => _number ??= BuildNumber();

    private Parser<NumberSyntax> BuildNumber()
    {
        var digits = Parse.Digit.AtLeastOnce().Text();
        var fraction = Atomic(from point in Parse.Char('.') from d in digits select "." + d);
        var exponent = Atomic(
            from e in Parse.Chars('e', 'E')
            from sign in Parse.Chars('+', '-').Optional()
            from d in digits
            select "e" + (sign.IsDefined ? sign.Get().ToString() : "") + d);
        var mantissa =
            (from whole in digits from f in fraction.Optional() select whole + f.GetOrElse(""))
            .Or(fraction);
        var text = from m in mantissa from e in exponent.Optional() select m + e.GetOrElse("");
        return Token(text).Select(t => new NumberSyntax(
            double.Parse(t.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
            t.Value.All(char.IsDigit), t.Span)).Named("number");
    }

    /// <summary>Runs <paramref name="parser"/>, records where its text is, then skips what follows.</summary>
    public Parser<(T Value, SourceSpan Span)> Token<T>(Parser<T> parser) =>
        from item in parser.Span()
        from rest in Skip
        select (item.Value, new SourceSpan(file, item.Start.Line, item.Start.Column, item.Length));

    /// <summary>On failure, reports failure at the start, so that a partial match counts as no match.</summary>
    public static Parser<T> Atomic<T>(Parser<T> parser) => input =>
    {
        var result = parser(input);
        return result.WasSuccessful ? result : Result.Failure<T>(input, result.Message, result.Expectations);
    };

    /// <summary>A span from the start of <paramref name="first"/> to the end of <paramref name="last"/> when on one line.</summary>
    public static SourceSpan Join(SourceSpan first, SourceSpan last) =>
        first.Line == last.Line && last.Column >= first.Column
            ? first with { Length = last.Column + last.Length - first.Column }
            : first;
}
