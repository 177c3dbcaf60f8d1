using Elim.Graph;
using Sprache;

namespace Elim.Frontend.Syntax;

/// <summary>Parses a whole file item by item, stopping at the first syntax error.</summary>
internal static class ElimParser
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="DiagnosticException"/> on the first error.</summary>
    public static ProgramSyntax Parse(string text, string file)
    {
        var grammar = new Grammar(file);
        var constants = new List<ConstSyntax>();
        var functions = new List<FunctionSyntax>();
        IInput input = new TextInput(text);
        input = Tokens.Skip(input).Remainder;
        while (!input.AtEnd)
        {
            var result = grammar.Item(input);
            if (!result.WasSuccessful)
                throw new DiagnosticException([SyntaxErrors.From(file, text, result.Remainder, result.Expectations)], text);
            if (result.Value is ConstSyntax c) constants.Add(c);
            else functions.Add((FunctionSyntax)result.Value);
            input = result.Remainder;
        }
        if (constants.Count == 0 && functions.Count == 0)
            throw new DiagnosticException(
                [new Diagnostic(new SourceSpan(file, 1, 1, 1), "the file is empty", "define a function, as in: function f(x) -> (y) { y = sin(x); }")],
                text);
        return new ProgramSyntax(file, text, constants, functions);
    }
}
