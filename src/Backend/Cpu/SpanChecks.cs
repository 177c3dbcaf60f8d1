namespace Elim.Backend.Cpu;

/// <summary>Argument checks done before any pointer is formed, with messages that say what was expected.</summary>
internal static class SpanChecks
{
    public static void Length(string function, int actual, long expected, string what, string parameter)
    {
        if (actual != expected)
            throw new ArgumentException(
                $"'{function}' needs {expected} values in {parameter} ({what}); the span holds {actual}.", parameter);
    }

    public static void Count(int count, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
    }
}
