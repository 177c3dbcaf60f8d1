using System.Globalization;
using Elim.Frontend;
using Elim.Graph;

namespace Elim.Cli;

/// <summary>Reads an .elim file and lowers the function to differentiate.</summary>
public static class GraphLoader
{
    /// <summary>The options of every command that loads a graph: <c>--function NAME</c> and <c>--max-vertices N</c>.</summary>
    public static IReadOnlyList<CommandOption> Options { get; } =
    [
        new("function", "NAME", "the function to differentiate", "the one no other function calls; if several, the one named like FILE"),
        new("max-vertices", "N", "stop with an error at a graph of more vertices", $"{FrontendOptions.DefaultMaxVertices:N0}"),
    ];

    /// <summary>The FILE that means the program text comes on standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>How <see cref="Options"/> read in a usage line.</summary>
    public const string Usage = "[--function NAME] [--max-vertices N]";

    /// <summary>The graph of the single FILE argument, with the function and the vertex limit the options give.</summary>
    public static ComputationalGraph Load(Arguments arguments) => Load(arguments.SingleFile(), arguments);

    /// <summary>The graph of the file at <paramref name="path"/>, with the function and the vertex limit the options give.</summary>
    public static ComputationalGraph Load(string path, Arguments arguments) =>
        Load(path, arguments.Value("function"), MaxVertices(arguments));

    /// <summary>
    /// The graph of <paramref name="function"/> in <paramref name="path"/> (<c>-</c>: standard input, named <c>&lt;stdin&gt;</c> in
    /// diagnostics); without a name, the language's default function,
    /// and where that is ambiguous, the function named like the file (<see cref="ElimFrontend.Compile"/>, as the API reads files).
    /// Throws <see cref="DiagnosticException"/> for bad source (a graph past <paramref name="maxVertices"/> included)
    /// and <see cref="PathException"/> for an unreadable file.
    /// </summary>
    public static ComputationalGraph Load(string path, string? function, int maxVertices = FrontendOptions.DefaultMaxVertices)
    {
        var options = new FrontendOptions { MaxVertices = maxVertices };
        if (path == StandardInput) return ElimFrontend.Compile(Console.In.ReadToEnd(), "<stdin>", function, options);
        if (Directory.Exists(path)) throw new PathException($"'{path}' is a folder; give the .elim file to read.");
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new PathException($"Cannot read '{path}': {e.Message}");
        }
        return ElimFrontend.Compile(text, path, function, options);
    }

    /// <summary>The <c>--max-vertices</c> option, or the default limit.</summary>
    private static int MaxVertices(Arguments arguments)
    {
        if (arguments.Value("max-vertices") is not { } text) return FrontendOptions.DefaultMaxVertices;
        return int.TryParse(text.Replace("_", ""), NumberStyles.None, CultureInfo.InvariantCulture, out int limit) && limit > 0
            ? limit
            : throw new UsageException($"--max-vertices '{text}' must be a positive whole number (at most {int.MaxValue:N0}).");
    }
}
