using Elim.Frontend.Lowering;
using Elim.Frontend.Syntax;
using Elim.Graph;

namespace Elim.Frontend;

/// <summary>The entry points of the frontend: <c>.elim</c> text to AST to computational graph.</summary>
public static class ElimFrontend
{
    private const int MaxNesting = 1000;

    // Parsing, lowering and printing recurse about once per operation of an expression: 10⁵ operations fit the large
    // stack with room to spare (2·10⁵ were measured to fit), where 10⁶ would overflow it and end the process.
    private const int MaxOperators = 100_000;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="DiagnosticException"/> on a syntax error.</summary>
    public static ProgramSyntax Parse(string text, string file) => Guarded(
        text ?? throw new ArgumentNullException(nameof(text)), file ?? throw new ArgumentNullException(nameof(file)), () =>
    {
        CheckDepth(text, file);
        return ElimParser.Parse(text, file);
    });

    /// <summary>
    /// Lowers <paramref name="function"/> (or the default function: the only one no other function
    /// calls) to a graph numbered like a JAX trace; throws <see cref="DiagnosticException"/> on an error.
    /// </summary>
    public static ComputationalGraph Lower(ProgramSyntax program, string? function = null, FrontendOptions? options = null) =>
        Guarded(program.Source, program.File, () =>
        {
            try
            {
                return Lowerer.Lower(program, function, options ?? FrontendOptions.Default);
            }
            catch (LoweringError error)
            {
                throw new DiagnosticException([error.Diagnostic], program.Source);
            }
        });

    /// <summary>
    /// Parses and lowers <paramref name="text"/>: <paramref name="function"/>, or without a name the language's default
    /// function (the one no other function calls), and where that is ambiguous the function named like
    /// <paramref name="file"/> (<c>roe_flux_1d</c> in roe_flux_1d.elim).
    /// </summary>
    public static ComputationalGraph Compile(string text, string file, string? function = null, FrontendOptions? options = null)
    {
        var program = Parse(text, file);
        if (function is not null) return Lower(program, function, options);
        try
        {
            return Lower(program, null, options);
        }
        catch (DiagnosticException) when (FunctionNames(program).Contains(Path.GetFileNameWithoutExtension(file)))
        {
            return Lower(program, Path.GetFileNameWithoutExtension(file), options);
        }
    }

    /// <summary>Reads, parses and lowers the file at <paramref name="path"/>; an unreadable file is a diagnostic too.</summary>
    public static ComputationalGraph CompileFile(string path, string? function = null, FrontendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            throw new DiagnosticException(
                [new Diagnostic(new SourceSpan(path, 0, 0, 0), $"cannot read the file: {reason}", "check the path")], "");
        }
        return Compile(text, path, function, options);
    }

    /// <summary>The names of the functions of <paramref name="program"/>, in source order.</summary>
    public static IReadOnlyList<string> FunctionNames(ProgramSyntax program) => program.Functions.Select(f => f.Name).ToList();

    /// <summary>Refuses brackets nested too deep and statements with too many operators, before anything recurses over them.</summary>
    private static void CheckDepth(string text, string file)
    {
        int depth = 0, operators = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '#' || (c == '/' && i + 1 < text.Length && text[i + 1] == '/'))
            {
                while (i + 1 < text.Length && text[i + 1] != '\n') i++; // a comment
                continue;
            }
            depth += c is '(' or '[' or '{' ? 1 : c is ')' or ']' or '}' ? -1 : 0;
            operators = c is ';' or '{' or '}' ? 0 : operators + ("+-*/^@!<>=&|?:".Contains(c) ? 1 : 0);
            if (depth > MaxNesting) throw TooDeep(text, file, i, $"brackets are nested more than {MaxNesting} deep");
            if (operators > MaxOperators) throw TooDeep(text, file, i, $"the statement has more than {MaxOperators:N0} operators");
        }
    }

    private static DiagnosticException TooDeep(string text, string file, int position, string message)
    {
        var (line, column) = SyntaxErrors.LineAndColumn(text, position);
        return new DiagnosticException([new Diagnostic(new SourceSpan(file, line, column, 1), message, "split the expression into several statements")], text);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a large stack. Anything but a diagnostic is a bug of the
    /// frontend; it is still reported as a diagnostic so that no input ever ends in a stack trace.
    /// </summary>
    private static T Guarded<T>(string text, string file, Func<T> work) => LargeStack.Run(() =>
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is not DiagnosticException)
        {
            throw new DiagnosticException(
                [new Diagnostic(new SourceSpan(file, 0, 0, 0), $"internal error of the frontend: {e.GetType().Name}: {e.Message}",
                    "please report this input")], text);
        }
    });
}
