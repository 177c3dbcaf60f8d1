namespace Elim.Cli;

/// <summary>
/// Checks a file a command will write before the command's long work starts, so a search or a training run is
/// not lost to a path it cannot write, and an existing file is never replaced without <c>--force</c>.
/// </summary>
public static class OutputPath
{
    /// <summary>
    /// Throws <see cref="PathException"/> unless <paramref name="path"/> can be written: not a folder, in a folder
    /// that exists and takes the file, and new or <paramref name="replace"/> allowed.
    /// </summary>
    public static void Check(string path, bool replace)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new PathException("An empty path names no file; give the path of a file to write.");
        if (Directory.Exists(path)) throw new PathException($"'{path}' is a folder; give the path of a file to write.");
        bool exists = File.Exists(path);
        if (exists && !replace) throw new PathException($"'{path}' exists; pass --force to overwrite it.");
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
            throw new PathException($"Cannot write '{path}': the folder '{folder}' does not exist; create it or choose another path.");
        // Opening the file for writing asks the file system itself (permissions, read-only mounts, root); a new file is
        // deleted again on close and an existing one is opened without truncating, so nothing changes yet.
        try
        {
            using var probe = new FileStream(path, exists ? FileMode.Open : FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite,
                bufferSize: 1, exists ? FileOptions.None : FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(path, e);
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> (checked before the work) whole or not at all: a
    /// temporary file moved into place, so a full disk or a stop midway never leaves half a file. Returns why it failed
    /// after all, or null; the caller still prints its result, so the work is not lost.
    /// </summary>
    public static string? TryWrite(string path, string text)
    {
        string temporary = path + ".tmp";
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            return CannotWrite(path, e).Message;
        }
    }

    /// <summary>The error for a write to <paramref name="path"/> that failed with <paramref name="cause"/>.</summary>
    public static PathException CannotWrite(string path, Exception cause) =>
        new($"Cannot write '{path}': {cause.Message} Choose a path you can write.");
}
