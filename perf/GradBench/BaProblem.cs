using System.Text.Json;

namespace Elim.GradBench;

/// <summary>
/// A ba input expanded as GradBench specifies it: the one camera, point, weight and feature repeated to n
/// cameras, m points and p observations, observation i seeing camera i mod n and point i mod m. The tool
/// works on the expanded arrays (GradBench forbids exploiting the repetition).
/// </summary>
internal sealed class BaProblem
{
    public const int CameraParameters = 11;

    public BaProblem(JsonElement input)
    {
        N = JsonInput.Int(JsonInput.Field(input, "n"), "n");
        M = JsonInput.Int(JsonInput.Field(input, "m"), "m");
        P = JsonInput.Int(JsonInput.Field(input, "p"), "p");
        if (N < 1 || M < 1 || P < 1) throw new EvalInputException($"n, m and p must be positive, got {N}, {M}, {P}");
        var cam = JsonInput.Doubles(JsonInput.Field(input, "cam"), "cam", CameraParameters);
        var x = JsonInput.Doubles(JsonInput.Field(input, "x"), "x", 3);
        var w = JsonInput.Double(JsonInput.Field(input, "w"), "w");
        var feat = JsonInput.Doubles(JsonInput.Field(input, "feat"), "feat", 2);
        Cameras = new double[CameraParameters * N];
        for (var i = 0; i < N; i++) cam.CopyTo(Cameras, i * CameraParameters);
        Points = new double[3 * M];
        for (var i = 0; i < M; i++) x.CopyTo(Points, i * 3);
        Weights = new double[P];
        Array.Fill(Weights, w);
        Features = new double[2 * P];
        Observations = new int[2 * P];
        for (var i = 0; i < P; i++)
        {
            feat.CopyTo(Features, 2 * i);
            Observations[2 * i] = i % N;
            Observations[2 * i + 1] = i % M;
        }
    }

    public int N { get; }
    public int M { get; }
    public int P { get; }
    public double[] Cameras { get; }
    public double[] Points { get; }
    public double[] Weights { get; }
    public double[] Features { get; }

    /// <summary>(camera, point) of each observation.</summary>
    public int[] Observations { get; }
}
