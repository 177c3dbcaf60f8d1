using System.Text.Json;

namespace Elim.GradBench;

/// <summary>
/// GradBench's ht: the residuals between measured points and the skinned hand model (objective) and their dense
/// Jacobian with respect to theta (26 columns), preceded in the complicated variant by the two columns of each
/// correspondence's own barycentric u. What Elim differentiates and what the tool composes:
/// <list type="number">
/// <item>hand.elim's <c>hand_pose</c> (Elim, once per evaluation): theta → every bone's world transform and the
/// translation, with their 267×26 Jacobian: the rotations, the skeleton chain and the global transform.</item>
/// <item>Skinning (the tool, <see cref="HandSkinning"/>): a vertex is a fixed linear combination of those
/// transforms (the model's weights and rest position are constants), so its 3×26 Jacobian is the same linear
/// combination of Elim's rows.</item>
/// <item><c>vertex_residual</c> / <c>surface_residual</c> (Elim, batched over the correspondences): the residual
/// from the corner vertices (and u), with its Jacobian; the u columns are Elim's, the theta columns are Elim's
/// ∂residual/∂corner times the corners' Jacobians (the chain rule, skipping zero entries).</item>
/// </list>
/// </summary>
internal sealed class HandTracking(ElimSources sources, int threads) : IEval
{
    private const int PoseOutputs = HandProblem.Bones * 12 + 3;
    private const int Theta = HandProblem.PoseParameters;

    private readonly ThreadLocal<Dictionary<int, CorrespondenceScratch>> _scratch = new(() => []);
    private JacobianFunction? _pose, _vertexResidual, _surfaceResidual;

    /// <summary>This thread's buffers for a residual of <paramref name="inputs"/> inputs, kept across runs.</summary>
    private CorrespondenceScratch Scratch(int inputs)
    {
        var mine = _scratch.Value!;
        if (!mine.TryGetValue(inputs, out var s)) mine[inputs] = s = new CorrespondenceScratch(inputs);
        return s;
    }

    public IReadOnlyList<Timing> Define()
    {
        var compile = Runs.Time("compile", () =>
        {
            _pose = sources.Compile("hand.elim", "hand_pose");
            _vertexResidual = sources.Compile("hand.elim", "vertex_residual");
            _surfaceResidual = sources.Compile("hand.elim", "surface_residual");
        });
        return [compile];
    }

    public Evaluation Evaluate(string function, JsonElement input)
    {
        if (_pose is null || _vertexResidual is null || _surfaceResidual is null) throw new InvalidOperationException("ht is not compiled");
        if (function is not ("objective" or "jacobian")) throw new EvalInputException($"ht has no function '{function}' (objective, jacobian)");
        HandProblem? problem = null;
        HandSkinning? skinning = null;
        var prepare = Runs.Time("prepare", () =>
        {
            problem = new HandProblem(input);
            skinning = new HandSkinning(problem, threads);
        });
        var h = problem!;
        var residual = h.Complicated ? _surfaceResidual : _vertexResidual;
        var pose = new double[PoseOutputs];
        if (function == "objective")
        {
            var errors = GC.AllocateUninitializedArray<double>(3 * h.Correspondences.Length);   // one output for all runs, as C++'s
            var runs = Runs.Repeat(input, () =>
            {
                _pose.Primal.Evaluate(h.Theta, h.PoseData, pose);
                skinning!.Positions(pose);
                Objective(residual.Primal, h, skinning, errors);
            });
            return new Evaluation(w => WriteVector(w, errors), [prepare, .. runs]);
        }
        else
        {
            var columns = (h.Complicated ? 2 : 0) + Theta;
            var jacobian = GC.AllocateUninitializedArray<double>(3 * h.Correspondences.Length * columns);
            var poseJacobian = new double[PoseOutputs * Theta];
            var runs = Runs.Repeat(input, () =>
            {
                _pose.Evaluate(h.Theta, h.PoseData, pose, poseJacobian);
                skinning!.PositionsAndJacobians(pose, poseJacobian);
                Jacobian(residual, h, skinning, jacobian);
            });
            return new Evaluation(w => WriteRows(w, jacobian, columns), [prepare, .. runs]);
        }
    }

    private void Objective(PrimalFunction residual, HandProblem h, HandSkinning skin, double[] errors)
    {
        int n = residual.InputCount;
        Chunks.Run(h.Correspondences.Length, threads, () => Scratch(n), (start, count, s) =>
        {
            s.Gather(h, skin, start, count);
            residual.EvaluateBatch(s.X.AsSpan(0, count * n), s.Data.AsSpan(0, count * 3), errors.AsSpan(3 * start, 3 * count), count);
        });
    }

    private void Jacobian(JacobianFunction residual, HandProblem h, HandSkinning skin, double[] jacobian)
    {
        int n = residual.InputCount, uColumns = h.Complicated ? 2 : 0, columns = uColumns + Theta;
        Chunks.Run(h.Correspondences.Length, threads, () => Scratch(n), (start, count, s) =>
        {
            s.Gather(h, skin, start, count);
            residual.EvaluateBatch(s.X.AsSpan(0, count * n), s.Data.AsSpan(0, count * 3), s.Y.AsSpan(0, count * 3),
                s.J.AsSpan(0, count * 3 * n), count);
            for (var k = 0; k < count; k++)
            {
                var i = start + k;
                for (var c = 0; c < 3; c++)
                {
                    var local = s.J.AsSpan((k * 3 + c) * n, n);              // ∂err_c/∂(u, corners)
                    var row = jacobian.AsSpan((3 * i + c) * columns, columns);
                    local[..uColumns].CopyTo(row);
                    var thetaRow = row[uColumns..];
                    thetaRow.Clear();
                    for (var corner = 0; corner < h.Corners; corner++)
                        for (var l = 0; l < 3; l++)
                        {
                            var partial = local[uColumns + 3 * corner + l];
                            if (partial != 0) Axpy.Add(partial, skin.VertexJacobianRow(h.Corner(i, corner), l), thetaRow);
                        }
                }
            }
        });
    }

    private static void WriteVector(Utf8JsonWriter w, double[] values)
    {
        w.WriteStartArray();
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static void WriteRows(Utf8JsonWriter w, double[] values, int columns)
    {
        w.WriteStartArray();
        for (var r = 0; r < values.Length / columns; r++)
        {
            w.WriteStartArray();
            for (var c = 0; c < columns; c++) w.WriteNumberValue(values[r * columns + c]);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    /// <summary>Per-thread buffers of one chunk of correspondences: (u,) corners, point, residual, Jacobian.</summary>
    private sealed class CorrespondenceScratch(int inputs)
    {
        public readonly double[] X = new double[Chunks.Size * inputs];
        public readonly double[] Data = new double[Chunks.Size * 3];
        public readonly double[] Y = new double[Chunks.Size * 3];
        public readonly double[] J = new double[Chunks.Size * 3 * inputs];

        public void Gather(HandProblem h, HandSkinning skin, int start, int count)
        {
            for (var k = 0; k < count; k++)
            {
                var i = start + k;
                var x = X.AsSpan(k * inputs, inputs);
                var offset = 0;
                if (h.Complicated)
                {
                    x[0] = h.Us[2 * i];
                    x[1] = h.Us[2 * i + 1];
                    offset = 2;
                }
                for (var corner = 0; corner < h.Corners; corner++)
                    skin.Position(h.Corner(i, corner)).CopyTo(x[(offset + 3 * corner)..]);
                h.Points.AsSpan(3 * i, 3).CopyTo(Data.AsSpan(3 * k, 3));
            }
        }
    }
}
