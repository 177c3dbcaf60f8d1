namespace Elim.GradBench;

/// <summary>Finds the <c>.elim</c> files the evals compile, in the folders given on the command line.</summary>
internal sealed class ElimSources(IReadOnlyList<string> folders)
{
    /// <summary>The path of <paramref name="fileName"/> in the first folder that has it.</summary>
    /// <exception cref="EvalInputException">No folder has it.</exception>
    public string Find(string fileName) =>
        folders.Select(f => Path.Combine(f, fileName)).FirstOrDefault(File.Exists)
        ?? throw new EvalInputException($"cannot find {fileName} in {string.Join(", ", folders.DefaultIfEmpty("(no --elim-dir given)"))}");
}
