namespace Elim.GradBench.Tests;

/// <summary>A small random hand in GradBench's ht input form: ADBench's 22-bone skeleton, a few vertices.</summary>
internal static class HandInputs
{
    private static readonly int[] Parents = [-1, 0, 1, 2, 3, 0, 5, 6, 7, 0, 9, 10, 11, 0, 13, 14, 15, 0, 17, 18, 19, 0];

    public static Dictionary<string, object> Create(int seed, bool complicated, double[] theta)
    {
        var random = new Random(seed);
        double R() => random.NextDouble() - 0.5;
        const int vertices = 12, triangles = 6, correspondences = 9;
        var model = new Dictionary<string, object>
        {
            ["bone_count"] = 22,
            ["bone_names"] = Enumerable.Range(0, 22).Select(b => $"bone{b}").ToArray(),
            ["parents"] = Parents,
            ["base_relatives"] = Enumerable.Range(0, 22).Select(_ => Affine(R)).ToArray(),
            ["inverse_base_absolutes"] = Enumerable.Range(0, 22).Select(_ => Affine(R)).ToArray(),
            ["base_positions"] = Enumerable.Range(0, vertices).Select(_ => new[] { R(), R(), R(), 1.0 }).ToArray(),
            ["weights"] = Enumerable.Range(0, vertices).Select(v =>
            {
                var w = new double[22];
                w[random.Next(22)] += 0.6;          // two bones (or one twice)
                w[random.Next(22)] += 0.4;
                return w;
            }).ToArray(),
            ["triangles"] = Enumerable.Range(0, triangles).Select(_ => new[] { random.Next(vertices), random.Next(vertices), random.Next(vertices) }).ToArray(),
            ["is_mirrored"] = seed % 2 == 0,
        };
        var data = new Dictionary<string, object>
        {
            ["model"] = model,
            ["correspondences"] = Enumerable.Range(0, correspondences).Select(_ => random.Next(complicated ? triangles : vertices)).ToArray(),
            ["points"] = Enumerable.Range(0, correspondences).Select(_ => new[] { R(), R(), R() }).ToArray(),
        };
        return new Dictionary<string, object>
        {
            ["theta"] = theta,
            ["data"] = data,
            ["us"] = complicated ? Enumerable.Range(0, correspondences).Select(_ => new[] { random.NextDouble() / 2, random.NextDouble() / 2 }).ToArray() : Array.Empty<double[]>(),
            ["min_runs"] = 1,
            ["min_seconds"] = 0,
        };
    }

    public static double[] RandomTheta(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 26).Select(_ => random.NextDouble() - 0.5).ToArray();
    }

    /// <summary>A random 4×4 affine matrix (last row 0 0 0 1), rows as GradBench sends them.</summary>
    private static double[][] Affine(Func<double> r) =>
        [[1 + r(), r(), r(), r()], [r(), 1 + r(), r(), r()], [r(), r(), 1 + r(), r()], [0, 0, 0, 1]];
}
