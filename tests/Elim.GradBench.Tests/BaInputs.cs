namespace Elim.GradBench.Tests;

/// <summary>ba inputs in GradBench's form (one camera, point, weight and feature, repeated).</summary>
internal static class BaInputs
{
    internal sealed record Input(int n, int m, int p, double[] cam, double[] x, double w, double[] feat, int min_runs = 2, double min_seconds = 0);

    /// <summary>ba1's camera, point, weight and feature (GradBench's ba1_n49_m7776_p31843), with small n, m, p.</summary>
    public static Input Small(int n = 3, int m = 5, int p = 7) => new(n, m, p,
        [-0.758453, -1.109613, -0.845551, 34.556073, 39.676747, 53.881673, 419.194514, 5.864426, -8.51887, 0.087812, 0.002739],
        [7.203245, 0.001144, 3.023326], 0.417022, [271.760969, 834.209256]);
}
