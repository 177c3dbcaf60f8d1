namespace Elim.Frontend.Lowering;

/// <summary>Close names for "did you mean" hints (edit distance).</summary>
internal static class Suggestions
{
    /// <summary>The candidates within a small edit distance of <paramref name="name"/>, closest first.</summary>
    public static IReadOnlyList<string> Close(string name, IEnumerable<string> candidates)
    {
        int limit = Math.Max(1, Math.Min(2, name.Length / 3));
        return candidates.Distinct()
            .Select(c => (Name: c, Distance: Distance(name, c)))
            .Where(c => c.Name != name && (string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase) || c.Distance <= limit && c.Distance < name.Length))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name).ToList();
    }

    /// <summary>"did you mean 'x'?" or null when nothing is close.</summary>
    public static string? DidYouMean(string name, IEnumerable<string> candidates)
    {
        var close = Close(name, candidates);
        return close.Count == 0 ? null : $"did you mean {string.Join(" or ", close.Take(3).Select(c => $"'{c}'"))}?";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
