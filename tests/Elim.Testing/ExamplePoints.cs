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
        ("black_scholes_jacobian", null, [1, 1, 1, 1, 1]),
        .. new[]
        {
            "roe_flux_3d", "f", "mlp", "encoder", "bundle_adjustment", "forward_kinematics", "newton_step", "roe_flux_entropy_fix",
        }.Select(file => (file, (string?)null, ExampleHeader.Point(file))),
    ];

    /// <summary>The data values of example <paramref name="file"/> at its typical point (none for examples without data inputs).</summary>
    public static double[] Data(string file) => ExampleHeader.Data(file);

    /// <summary>
    /// <paramref name="count"/> copies of <paramref name="values"/>, each value scaled by a factor drawn from
    /// 1 ± <paramref name="spread"/>/2 (small enough to stay inside every example's domain); the first copy is exact
    /// when <paramref name="keepFirst"/>.
    /// </summary>
    public static double[][] Around(double[] values, int count, Random random, double spread, bool keepFirst = false) =>
        Enumerable.Range(0, count)
            .Select(p => keepFirst && p == 0 ? values : values.Select(v => v * (1 + spread * (random.NextDouble() - 0.5))).ToArray())
            .ToArray();
}
