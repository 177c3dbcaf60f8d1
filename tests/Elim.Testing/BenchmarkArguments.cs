using System.Globalization;

namespace Elim.Testing;

/// <summary>Values of the benchmarks' command lines, read with a message for the user instead of a parse exception.</summary>
public static class BenchmarkArguments
{
    /// <summary>
    /// The comma-separated whole numbers of <paramref name="option"/>'s <paramref name="text"/>, each at least
    /// <paramref name="least"/>; else an <see cref="ArgumentException"/> saying what to give.
    /// </summary>
    public static int[] Integers(string text, string option, int least = 1) =>
        text.Split(',').Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= least ? n
            : throw new ArgumentException($"{option} '{text}': give whole numbers of at least {least}, comma-separated.")).ToArray();

    /// <summary>The names of <paramref name="text"/>, each one of <paramref name="known"/>; else an <see cref="ArgumentException"/> listing them.</summary>
    public static string[] Names(string text, string option, IReadOnlyCollection<string> known)
    {
        var names = text.Split(',');
        var unknown = names.Except(known).ToList();
        return unknown.Count == 0 ? names
            : throw new ArgumentException($"{option}: unknown {string.Join(", ", unknown.Select(u => $"'{u}'"))}; known: {string.Join(", ", known)}.");
    }
}
