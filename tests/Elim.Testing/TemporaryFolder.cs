namespace Elim.Testing;

/// <summary>A fresh folder under the system's temporary folder for one test, deleted with everything in it on dispose.</summary>
public sealed class TemporaryFolder(string prefix) : IDisposable
{
    /// <summary>The folder's path.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The path of <paramref name="parts"/> inside the folder (nothing is created).</summary>
    public string In(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes <paramref name="text"/> to the file <paramref name="name"/> in the folder; returns its path.</summary>
    public string Write(string name, string text)
    {
        string path = In(name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
