using System.Text.Json;

namespace Elim.GradBench;

/// <summary>
/// An ht input: the pose theta, the hand model (skeleton, rest vertices, skinning weights, triangles) and the
/// correspondences (each a model vertex, or in the complicated variant a triangle with barycentric u, and a
/// measured point). Checks the model against the skeleton hand.elim is written for.
/// </summary>
internal sealed class HandProblem
{
    public const int Bones = 22;
    public const int PoseParameters = 26;

    /// <summary>The parents of ADBench's hand skeleton, the one hand.elim's hand_pose is written for.</summary>
    private static readonly int[] ExpectedParents = [-1, 0, 1, 2, 3, 0, 5, 6, 7, 0, 9, 10, 11, 0, 13, 14, 15, 0, 17, 18, 19, 0];

    public HandProblem(JsonElement input)
    {
        Theta = JsonInput.Doubles(JsonInput.Field(input, "theta"), "theta", PoseParameters);
        var data = JsonInput.Field(input, "data");
        var model = JsonInput.Field(data, "model");
        var parents = JsonInput.Ints(JsonInput.Field(model, "parents"), "parents");
        if (!parents.SequenceEqual(ExpectedParents))
            throw new EvalInputException($"ht: the model's skeleton (parents {string.Join(",", parents)}) is not ADBench's 22-bone hand that hand.elim describes");
        PoseData = new double[2 * Bones * 12 + 1];
        ReadAffine(JsonInput.Field(model, "base_relatives"), "base_relatives", PoseData.AsSpan(0, Bones * 12));
        ReadAffine(JsonInput.Field(model, "inverse_base_absolutes"), "inverse_base_absolutes", PoseData.AsSpan(Bones * 12, Bones * 12));
        PoseData[^1] = JsonInput.Bool(JsonInput.Field(model, "is_mirrored"), "is_mirrored") ? -1 : 1;

        RestPositions = JsonInput.Rows(JsonInput.Field(model, "base_positions"), "base_positions", 4);
        VertexCount = RestPositions.Length / 4;
        Skin = new SkinWeights(JsonInput.Rows(JsonInput.Field(model, "weights"), "weights", Bones), VertexCount);
        Triangles = JsonInput.Rows(JsonInput.Field(model, "triangles"), "triangles", 3).Select(v => (int)v).ToArray();

        Correspondences = JsonInput.Ints(JsonInput.Field(data, "correspondences"), "correspondences");
        Points = JsonInput.Rows(JsonInput.Field(data, "points"), "points", 3);
        Us = JsonInput.Rows(JsonInput.Field(input, "us"), "us", 2);
        var count = Correspondences.Length;
        if (Points.Length != 3 * count) throw new EvalInputException($"ht: {count} correspondences but {Points.Length / 3} points");
        if (Us.Length != 0 && Us.Length != 2 * count) throw new EvalInputException($"ht: {count} correspondences but {Us.Length / 2} us");
        var limit = Complicated ? Triangles.Length / 3 : VertexCount;
        if (Correspondences.Any(c => c < 0 || c >= limit))
            throw new EvalInputException($"ht: a correspondence is outside the model's {limit} {(Complicated ? "triangles" : "vertices")}");
        if (Triangles.Any(v => v < 0 || v >= VertexCount)) throw new EvalInputException("ht: a triangle names a vertex the model does not have");
    }

    public double[] Theta { get; }

    /// <summary>hand_pose's data inputs: the bones' base relatives, inverse base absolutes (top 3×4 each), mirror.</summary>
    public double[] PoseData { get; }

    /// <summary>Rest positions, homogeneous (x, y, z, 1) per vertex.</summary>
    public double[] RestPositions { get; }

    public int VertexCount { get; }
    public SkinWeights Skin { get; }
    public int[] Triangles { get; }
    public int[] Correspondences { get; }
    public double[] Points { get; }

    /// <summary>Barycentric (u0, u1) per correspondence; empty in the simple variant.</summary>
    public double[] Us { get; }

    /// <summary>The complicated variant: correspondences are triangles with barycentric coordinates.</summary>
    public bool Complicated => Us.Length != 0;

    /// <summary>Model vertices of correspondence i: one, or a triangle's three corners.</summary>
    public int Corner(int i, int k) => Complicated ? Triangles[3 * Correspondences[i] + k] : Correspondences[i];

    public int Corners => Complicated ? 3 : 1;

    private static void ReadAffine(JsonElement e, string name, Span<double> into)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != Bones)
            throw new EvalInputException($"ht: '{name}' must hold {Bones} 4×4 matrices");
        var b = 0;
        foreach (var bone in e.EnumerateArray())
        {
            var m = JsonInput.Rows(bone, name, 4);
            if (m.Length != 16 || m[12] != 0 || m[13] != 0 || m[14] != 0 || m[15] != 1)
                throw new EvalInputException($"ht: '{name}' of bone {b} is not a 4×4 affine matrix (last row 0 0 0 1)");
            m.AsSpan(0, 12).CopyTo(into.Slice(12 * b++, 12));
        }
    }
}

/// <summary>The nonzero skinning weights of each vertex, compressed by vertex.</summary>
internal sealed class SkinWeights
{
    public SkinWeights(double[] dense, int vertices)
    {
        Starts = new int[vertices + 1];
        var bones = new List<int>();
        var weights = new List<double>();
        for (var v = 0; v < vertices; v++)
        {
            for (var b = 0; b < HandProblem.Bones; b++)
                if (dense[v * HandProblem.Bones + b] != 0) { bones.Add(b); weights.Add(dense[v * HandProblem.Bones + b]); }
            Starts[v + 1] = bones.Count;
        }
        Bone = bones.ToArray();
        Weight = weights.ToArray();
    }

    public int[] Starts { get; }
    public int[] Bone { get; }
    public double[] Weight { get; }
}
