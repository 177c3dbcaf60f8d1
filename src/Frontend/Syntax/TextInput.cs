using Sprache;

namespace Elim.Frontend.Syntax;

/// <summary>
/// A place in the text for the Sprache parsers. Sprache's own input allocates a memo table at every
/// character (for <c>Parse.Ref</c>, which the grammar does not use); this one makes it only when asked,
/// and the token scanners jump over a whole token at once.
/// </summary>
internal sealed class TextInput(string source, int position, int line, int column) : IInput
{
    private Dictionary<object, object>? _memos;

    /// <summary>The start of <paramref name="source"/>.</summary>
    public TextInput(string source) : this(source, 0, 1, 1) { }

    public string Source { get; } = source;
    public int Position { get; } = position;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public char Current => Source[Position];
    public bool AtEnd => Position == Source.Length;
    public IDictionary<object, object> Memos => _memos ??= [];

    public IInput Advance()
    {
        if (AtEnd) throw new InvalidOperationException("The input is already at the end of the text.");
        return Current == '\n' ? new TextInput(Source, Position + 1, Line + 1, 1) : new TextInput(Source, Position + 1, Line, Column + 1);
    }

    /// <summary><paramref name="input"/> moved on to <paramref name="end"/>, over any number of lines.</summary>
    public static IInput To(IInput input, int end)
    {
        if (end == input.Position) return input;
        int line = input.Line, column = input.Column;
        for (int i = input.Position; i < end; i++)
        {
            if (input.Source[i] == '\n') { line++; column = 1; }
            else column++;
        }
        return new TextInput(input.Source, end, line, column);
    }

    public bool Equals(IInput? other) =>
        other is not null && (ReferenceEquals(this, other) || (string.Equals(Source, other.Source) && Position == other.Position));

    public override bool Equals(object? obj) => Equals(obj as IInput);

    public override int GetHashCode() => HashCode.Combine(Source, Position);

    public override string ToString() => $"Line {Line}, Column {Column}";
}
