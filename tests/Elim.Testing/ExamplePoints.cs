namespace Elim.Testing;

/// <summary>Every example function with a point inside its domain (the typical point its header names).</summary>
public static class ExamplePoints
{
    /// <summary>(file name without extension, function or null for the default, point).</summary>
    public static IReadOnlyList<(string File, string? Function, double[] Point)> All { get; } =
    [
        .. PaperTask.All.Select(t => (t.File, (string?)null, t.TypicalPoint)),
        ("black_scholes", "black_scholes", [100, 95, 0.5, 0.03, 0.2]),
        ("black_scholes", "black_scholes_gradient", [100, 95, 0.5, 0.03, 0.2]),
        ("lighthouse", null, [3.7, 0.7, 0.25, 2]),
        ("helmholtz", null, [0.1, 0.2, 0.3, 0.4]),
    ];
}
