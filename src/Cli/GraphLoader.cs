using Elim.Frontend;
using Elim.Graph;

namespace Elim.Cli;

/// <summary>Reads an .elim file and lowers the function to differentiate.</summary>
public static class GraphLoader
{
    /// <summary>
    /// The graph of <paramref name="function"/> in <paramref name="path"/>; without a name, the
    /// language's default function, and where that is ambiguous, the function named like the file.
    /// Throws <see cref="DiagnosticException"/> for bad source and <see cref="UsageException"/> for an unreadable file.
    /// </summary>
    public static ComputationalGraph Load(string path, string? function)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"Cannot read '{path}': {e.Message}");
        }
        var program = ElimFrontend.Parse(text, path);
        if (function is not null) return ElimFrontend.Lower(program, function);
        try
        {
            return ElimFrontend.Lower(program, null);
        }
        catch (DiagnosticException) when (ElimFrontend.FunctionNames(program).Contains(Path.GetFileNameWithoutExtension(path)))
        {
            return ElimFrontend.Lower(program, Path.GetFileNameWithoutExtension(path));
        }
    }
}
