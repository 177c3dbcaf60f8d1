using System.Text.Json;

namespace Elim.Graph;

/// <summary>What is wrong with a JSON file, in a user's words: the reader's complaint at line and column (counted from 1).</summary>
public static class JsonProblem
{
    /// <summary>
    /// <paramref name="error"/>'s message at its line and column, without the reader's own "Path: $ | LineNumber: 0 |
    /// BytePositionInLine: 2." tail, which counts from 0 and names internals.
    /// </summary>
    public static string Describe(JsonException error)
    {
        string message = error.Message;
        int tail = new[] { message.IndexOf(" Path: ", StringComparison.Ordinal), message.IndexOf(" LineNumber: ", StringComparison.Ordinal) }
            .Where(i => i >= 0).DefaultIfEmpty(message.Length).Min();
        message = message[..tail].TrimEnd().TrimEnd('.');
        return error.LineNumber is { } line && error.BytePositionInLine is { } column
            ? $"line {line + 1}, column {column + 1}: {message}"
            : message;
    }
}
