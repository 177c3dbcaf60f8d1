namespace Elim;

/// <summary>
/// How far a compile has come: <see cref="Done"/> of <see cref="Total"/> units of its current <see cref="Stage"/>.
/// Only big programs take long enough to be worth showing (10⁵-vertex graphs take seconds, most of it in these stages).
/// </summary>
/// <param name="Stage"><see cref="Lowering"/>, <see cref="Emitting"/> or <see cref="Compiling"/>.</param>
/// <param name="Done">Units done so far.</param>
/// <param name="Total">Units in the stage.</param>
public sealed record CompileProgress(string Stage, long Done, long Total)
{
    /// <summary>Turning the elimination order into straight-line code; the units are elimination steps.</summary>
    public const string Lowering = "lowering";

    /// <summary>Writing the IL of a program cut into chunks, a method per chunk; the units are methods.</summary>
    public const string Emitting = "emitting";

    /// <summary>The JIT compiling the methods of a program cut into chunks; the units are methods.</summary>
    public const string Compiling = "compiling";

    /// <summary>
    /// Tells <paramref name="progress"/> (if any) that <paramref name="done"/> of <paramref name="total"/> units of
    /// <paramref name="stage"/> are done, about a hundred times along the way and at the end: a unit can take
    /// microseconds.
    /// </summary>
    internal static void Report(IProgress<CompileProgress>? progress, string stage, long done, long total)
    {
        if (progress is not null && (done % Math.Max(1, total / 100) == 0 || done == total)) progress.Report(new(stage, done, total));
    }

    /// <summary>What a progress line says, e.g. "lowering: 12,000 of 46,465 elimination steps".</summary>
    public override string ToString() =>
        $"{Stage}: {Done:N0} of {Total:N0} {(Stage == Lowering ? "elimination steps" : "methods")}";
}
