namespace Elim.GradBench;

/// <summary>
/// Linear blend skinning of the model vertices the correspondences use: vertex = Σ_b w_b W_b (p, 1) + t with
/// the model's constant weights w and rest position p, from hand_pose's outputs (W, t); and the vertex's 3×26
/// Jacobian as the same linear combination of hand_pose's Jacobian rows (the chain rule through a linear map).
/// </summary>
internal sealed class HandSkinning
{
    private const int Theta = HandProblem.PoseParameters;
    private const int TranslationRow = HandProblem.Bones * 12;

    private readonly HandProblem _h;
    private readonly int _threads;
    private readonly int[] _used;           // the vertices some correspondence touches
    private readonly double[] _positions;   // 3 per model vertex
    private readonly double[] _jacobians;   // 3×26 per model vertex, row-major

    public HandSkinning(HandProblem h, int threads)
    {
        _h = h;
        _threads = threads;
        var used = new bool[h.VertexCount];
        for (var i = 0; i < h.Correspondences.Length; i++)
            for (var k = 0; k < h.Corners; k++) used[h.Corner(i, k)] = true;
        _used = Enumerable.Range(0, h.VertexCount).Where(v => used[v]).ToArray();
        _positions = new double[3 * h.VertexCount];
        _jacobians = new double[3 * Theta * h.VertexCount];
    }

    public ReadOnlySpan<double> Position(int vertex) => _positions.AsSpan(3 * vertex, 3);

    public ReadOnlySpan<double> VertexJacobianRow(int vertex, int coordinate) => _jacobians.AsSpan((3 * vertex + coordinate) * Theta, Theta);

    /// <summary>Positions of the used vertices from hand_pose's outputs <paramref name="pose"/>.</summary>
    public void Positions(double[] pose) => Chunks.Run(_used.Length, _threads, () => 0, (start, count, _) =>
    {
        for (var k = start; k < start + count; k++) Skin(_used[k], pose, null);
    });

    /// <summary>Positions and 3×26 Jacobians of the used vertices, from hand_pose's outputs and 267×26 Jacobian.</summary>
    public void PositionsAndJacobians(double[] pose, double[] poseJacobian) => Chunks.Run(_used.Length, _threads, () => 0, (start, count, _) =>
    {
        for (var k = start; k < start + count; k++) Skin(_used[k], pose, poseJacobian);
    });

    private void Skin(int v, double[] pose, double[]? poseJacobian)
    {
        var rest = _h.RestPositions.AsSpan(4 * v, 4);
        var skin = _h.Skin;
        for (var c = 0; c < 3; c++)
        {
            var position = pose[TranslationRow + c];
            var jacobian = _jacobians.AsSpan((3 * v + c) * Theta, Theta);
            poseJacobian?.AsSpan((TranslationRow + c) * Theta, Theta).CopyTo(jacobian);
            for (var e = skin.Starts[v]; e < skin.Starts[v + 1]; e++)
            {
                var row = skin.Bone[e] * 12 + 4 * c;   // W[b] row c: 4 entries
                for (var j = 0; j < 4; j++)
                {
                    var coefficient = skin.Weight[e] * rest[j];
                    position += coefficient * pose[row + j];
                    if (poseJacobian is not null) Axpy.Add(coefficient, poseJacobian.AsSpan((row + j) * Theta, Theta), jacobian);
                }
            }
            _positions[3 * v + c] = position;
        }
    }
}
