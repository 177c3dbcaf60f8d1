namespace Elim.Testing;

/// <summary>Paths inside the repository, found from the test's working directory upwards.</summary>
public static class Repository
{
    /// <summary>The repository root (the folder holding Elim.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The path of <paramref name="relative"/> under the root.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The path of example <paramref name="name"/> (without extension).</summary>
    public static string Example(string name) => PathOf(Path.Combine("examples", name + ".elim"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Elim.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Elim.sln above {AppContext.BaseDirectory}.");
    }
}
