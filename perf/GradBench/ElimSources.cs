namespace Elim.GradBench;

/// <summary>Finds the <c>.elim</c> files the evals compile, in the folders given on the command line, and compiles them.</summary>
internal sealed class ElimSources(IReadOnlyList<string> folders)
{
    /// <summary>
    /// Compiles <paramref name="function"/> of <paramref name="fileName"/> and calls it once, single-point and batched,
    /// with and without derivatives, so that the JIT has run: what a define's compile time covers, text → first Jacobian.
    /// </summary>
    /// <exception cref="EvalInputException">No folder has the file.</exception>
    public JacobianFunction Compile(string fileName, string function)
    {
        var path = folders.Select(f => Path.Combine(f, fileName)).FirstOrDefault(File.Exists)
            ?? throw new EvalInputException($"cannot find {fileName} in {string.Join(", ", folders.DefaultIfEmpty("(no --elim-dir given)"))}");
        var f = Jacobians.CompileFile(path, new CompileOptions { Function = function });
        int n = f.InputCount, d = f.DataCount, m = f.OutputCount;
        var x = Enumerable.Repeat(0.5, Chunks.Size * n).ToArray();
        var data = Enumerable.Repeat(0.5, Chunks.Size * d).ToArray();
        var y = new double[Chunks.Size * m];
        f.EvaluateBatch(x, data, y, new double[Chunks.Size * m * n], Chunks.Size);
        f.Primal.EvaluateBatch(x, data, y, Chunks.Size);
        f.Evaluate(x.AsSpan(0, n), data.AsSpan(0, d), y.AsSpan(0, m), new double[m * n]);
        f.Primal.Evaluate(x.AsSpan(0, n), data.AsSpan(0, d), y.AsSpan(0, m));
        return f;
    }
}
