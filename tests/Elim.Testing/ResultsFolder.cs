namespace Elim.Testing;

/// <summary>The folder a benchmark writes its results to, checked before the long work starts.</summary>
public static class ResultsFolder
{
    /// <summary>
    /// Why <paramref name="folder"/> cannot take results named <paramref name="names"/>: it already holds one of them and
    /// <paramref name="force"/> is off, or it cannot be created or written; null when it can (it then exists).
    /// </summary>
    public static string? Refusal(string folder, bool force, IEnumerable<string> names)
    {
        if (File.Exists(folder)) return $"'{folder}' is a file; give the folder for the results.";
        if (!force && names.Any(name => File.Exists(Path.Combine(folder, name))))
            return $"'{folder}' already holds results; pass --force to overwrite them.";
        try
        {
            Directory.CreateDirectory(folder);
            string probe = Path.Combine(folder, ".write-test");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write to '{folder}': {e.Message}";
        }
    }
}
