using System.Globalization;
using Elim.Graph;

namespace Elim.Cli;

/// <summary>
/// <c>--at X1,X2,...</c> (one number per input) and <c>--data D1,D2,...</c> (one number per data input: values read at run
/// time that have no Jacobian column), read the same way wherever a command takes a point.
/// </summary>
public static class PointOptions
{
    /// <summary>The point <c>--at</c> gives: one number per input of <paramref name="graph"/>.</summary>
    /// <exception cref="UsageException">It is missing, has the wrong count or holds something that is not a number.</exception>
    public static double[] Inputs(string? at, ComputationalGraph graph) =>
        Numbers("at", at, graph, graph.InputNames, "input")
        ?? (graph.InputCount == 0 ? [] : throw new UsageException($"Missing --at: give {Expected(graph.InputNames, "input")}."));

    /// <summary>
    /// The data inputs <c>--data</c> gives: one number per data input of <paramref name="graph"/>; none for a graph without data
    /// inputs; null when it is not given and <paramref name="required"/> is false (the caller picks the values).
    /// </summary>
    /// <exception cref="UsageException">
    /// It is missing where required, has the wrong count, holds something that is not a number, or is given for a graph without data inputs.
    /// </exception>
    public static double[]? Data(string? data, ComputationalGraph graph, bool required = true)
    {
        if (graph.DataCount == 0)
        {
            return data is null ? [] : throw new UsageException($"--data: '{graph.Name}' has no data inputs; leave --data out.");
        }
        var values = Numbers("data", data, graph, graph.DataNames, "data input");
        if (values is null && required)
            throw new UsageException($"Missing --data: '{graph.Name}' reads data; give {Expected(graph.DataNames, "data input")}.");
        return values;
    }

    private static double[]? Numbers(string option, string? text, ComputationalGraph graph, IReadOnlyList<string> names, string what)
    {
        if (text is null) return null;
        var parts = text.Trim().Length == 0 ? [] : text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != names.Count)
            throw new UsageException($"--{option} has {parts.Length} number(s); '{graph.Name}' needs {Expected(names, what)}.");
        return parts.Select((part, i) => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? double.IsFinite(value) ? value : throw new UsageException($"--{option}: '{part}' (for {names[i]}) is not a finite number.")
            : throw new UsageException($"--{option}: '{part}' (for {names[i]}) is not a number.")).ToArray();
    }

    private static string Expected(IReadOnlyList<string> names, string what) =>
        $"{names.Count} comma-separated numbers, one per {what} ({string.Join(", ", names)})";
}
