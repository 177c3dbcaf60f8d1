namespace Elim.Backend.Cpu;

/// <summary>
/// Argument checks done before any pointer is formed, with messages that say what was expected. The
/// message is only built on failure, so a passing check costs a comparison.
/// </summary>
internal static class SpanChecks
{
    public static void Length(string function, int actual, long expected, string parameter, int points = 1, int width = 0)
    {
        if (actual != expected) throw Error(function, actual, expected, parameter, points, width);
    }

    public static void Batch(int count, int threads, BatchLayout layout)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (!Enum.IsDefined(layout)) throw new ArgumentOutOfRangeException(nameof(layout), layout, "Not a batch layout: use BatchLayout.PerPoint or BatchLayout.StructureOfArrays.");
    }

    private static ArgumentException Error(string function, int actual, long expected, string parameter, int points, int width)
    {
        string what = parameter switch
        {
            "x" => "inputs",
            "data" => "data values",
            "outputs" => "outputs",
            _ => "Jacobian entries",
        };
        string shape = points == 1 ? $"{expected} {what}" : $"{points} points × {width} {what}";
        return new ArgumentException($"'{function}' needs {expected} values in {parameter} ({shape}); the span holds {actual}.", parameter);
    }
}
