using System.Globalization;
using System.Text.RegularExpressions;

namespace Elim.Testing;

/// <summary>
/// The numbers an example's header comment names: "// Typical point (...): 1, 2, ..." and "// Typical data (...): ...",
/// each running on over following comment lines that hold only numbers.
/// </summary>
public static partial class ExampleHeader
{
    /// <summary>The typical point of example <paramref name="file"/> (name without extension).</summary>
    public static double[] Point(string file) => Numbers(file, "point");

    /// <summary>The typical data of example <paramref name="file"/>, or none.</summary>
    public static double[] Data(string file) => Numbers(file, "data");

    private static double[] Numbers(string file, string what)
    {
        var lines = File.ReadAllLines(Repository.Example(file));
        int start = Array.FindIndex(lines, l => l.StartsWith($"// Typical {what}", StringComparison.Ordinal));
        if (start < 0) return [];
        var text = new List<string> { lines[start][(lines[start].IndexOf(':') + 1)..] };
        for (int k = start + 1; k < lines.Length && NumbersOnly().IsMatch(lines[k]); k++) text.Add(lines[k][2..]);
        return string.Join(",", text).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => double.Parse(n, CultureInfo.InvariantCulture)).ToArray();
    }

    [GeneratedRegex(@"^//[\s\d.,eE+-]+$")]
    private static partial Regex NumbersOnly();
}
