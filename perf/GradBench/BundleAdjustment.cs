using System.Text.Json;

namespace Elim.GradBench;

/// <summary>
/// GradBench's ba: the residuals of every observation (objective) and their sparse Jacobian (jacobian), from
/// <c>ba_objective</c> of examples/bundle_adjustment.elim, compiled once and evaluated in batches of
/// observations (15 inputs: camera, point, weight; 2 data: the feature).
/// </summary>
internal sealed class BundleAdjustment(ElimSources sources, int threads) : IEval
{
    private const int Inputs = BaProblem.CameraParameters + 3 + 1;
    private const int Outputs = 3;              // err[0], err[1], w_err
    private const int RowEntries = Inputs;      // nonzeros of one reprojection row: camera, point, weight
    private const int BlockEntries = 2 * RowEntries;

    private readonly ThreadLocal<Scratch> _scratch = new(() => new Scratch());
    private JacobianFunction? _function;

    public IReadOnlyList<Timing> Define()
    {
        return [Runs.Time("compile", () => _function = sources.Compile("bundle_adjustment.elim", "ba_objective"))];
    }

    public Evaluation Evaluate(string function, JsonElement input)
    {
        var f = _function ?? throw new InvalidOperationException("ba is not compiled");
        if (function is not ("objective" or "jacobian")) throw new EvalInputException($"ba has no function '{function}' (objective, jacobian)");
        BaProblem? problem = null;
        var prepare = Runs.Time("prepare", () => problem = new BaProblem(input));
        var p = problem!;
        if (function == "objective")
        {
            // One output for all runs, as the C++ tools resize theirs once.
            var reprojection = GC.AllocateUninitializedArray<double>(2 * p.P);
            var weightErrors = GC.AllocateUninitializedArray<double>(p.P);
            var runs = Runs.Repeat(input, () => Objective(f.Primal, p, reprojection, weightErrors));
            return new Evaluation(w => WriteObjective(w, reprojection, weightErrors), [prepare, .. runs]);
        }
        else
        {
            SparseJacobian? jacobian = null;
            var runs = Runs.Repeat(input, () =>
            {
                var next = Jacobian(f, p);   // built before the last one is freed, as C++'s `output = SparseMat(...)`
                jacobian?.Dispose();
                jacobian = next;
            });
            return new Evaluation(w =>
            {
                using (jacobian) jacobian!.WriteCompressed(w);
            }, [prepare, .. runs]);
        }
    }

    private void Objective(PrimalFunction primal, BaProblem p, double[] reprojection, double[] weightErrors)
    {
        Chunks.Run(p.P, threads, () => _scratch.Value!, (start, count, s) =>
        {
            s.Gather(p, start, count);
            primal.EvaluateBatch(s.X.AsSpan(0, count * Inputs), s.Data.AsSpan(0, count * 2), s.Y.AsSpan(0, count * Outputs), count);
            for (var k = 0; k < count; k++)
            {
                reprojection[2 * (start + k)] = s.Y[k * Outputs];
                reprojection[2 * (start + k) + 1] = s.Y[k * Outputs + 1];
                weightErrors[start + k] = s.Y[k * Outputs + 2];
            }
        });
    }

    /// <summary>
    /// The whole sparse Jacobian in GradBench's row-compressed layout: per observation two rows of 15 entries
    /// (camera 11, point 3, weight 1), then one row per weight; a fresh matrix every run, as the C++ tools build.
    /// </summary>
    private SparseJacobian Jacobian(JacobianFunction f, BaProblem p)
    {
        var m = new SparseJacobian(p.P);
        int pointColumns = BaProblem.CameraParameters * p.N, weightColumns = pointColumns + 3 * p.M;
        var weightBase = BlockEntries * p.P;
        Chunks.Run(p.P, threads, () => _scratch.Value!, (start, count, s) =>
        {
            s.Gather(p, start, count);
            f.EvaluateBatch(s.X.AsSpan(0, count * Inputs), s.Data.AsSpan(0, count * 2), s.Y.AsSpan(0, count * Outputs),
                s.J.AsSpan(0, count * Outputs * Inputs), count);
            for (var k = 0; k < count; k++)
            {
                var i = start + k;
                int camera = p.Observations[2 * i], point = p.Observations[2 * i + 1];
                var block = s.J.AsSpan(k * Outputs * Inputs);
                block[..BlockEntries].CopyTo(m.Values.Slice(BlockEntries * i));   // rows err[0], err[1]: same column order
                var cols = m.Columns.Slice(BlockEntries * i, BlockEntries);
                for (var r = 0; r < 2; r++)
                {
                    var row = cols.Slice(r * RowEntries, RowEntries);
                    for (var c = 0; c < BaProblem.CameraParameters; c++) row[c] = BaProblem.CameraParameters * camera + c;
                    for (var c = 0; c < 3; c++) row[BaProblem.CameraParameters + c] = pointColumns + 3 * point + c;
                    row[RowEntries - 1] = weightColumns + i;
                }
                m.RowStarts[2 * i + 1] = BlockEntries * i + RowEntries;
                m.RowStarts[2 * i + 2] = BlockEntries * i + BlockEntries;
                m.Values[weightBase + i] = block[2 * Inputs + Inputs - 1];     // ∂w_err/∂w
                m.Columns[weightBase + i] = weightColumns + i;
                m.RowStarts[2 * p.P + i + 1] = weightBase + i + 1;
            }
        });
        return m;
    }

    private static void WriteObjective(Utf8JsonWriter w, double[] reprojection, double[] weightErrors)
    {
        // GradBench's compressed form: the repeated block once, with its count.
        w.WriteStartObject();
        w.WriteStartObject("reproj_error");
        w.WriteStartArray("elements");
        w.WriteNumberValue(reprojection[0]);
        w.WriteNumberValue(reprojection[1]);
        w.WriteEndArray();
        w.WriteNumber("repeated", reprojection.Length / 2);
        w.WriteEndObject();
        w.WriteStartObject("w_err");
        w.WriteNumber("element", weightErrors[0]);
        w.WriteNumber("repeated", weightErrors.Length);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Per-thread buffers of one chunk, per point: inputs, data, outputs and the 3×15 Jacobian.</summary>
    private sealed class Scratch
    {
        public readonly double[] X = new double[Chunks.Size * Inputs];
        public readonly double[] Data = new double[Chunks.Size * 2];
        public readonly double[] Y = new double[Chunks.Size * Outputs];
        public readonly double[] J = new double[Chunks.Size * Outputs * Inputs];

        public void Gather(BaProblem p, int start, int count)
        {
            for (var k = 0; k < count; k++)
            {
                var i = start + k;
                var x = X.AsSpan(k * Inputs, Inputs);
                p.Cameras.AsSpan(BaProblem.CameraParameters * p.Observations[2 * i], BaProblem.CameraParameters).CopyTo(x);
                p.Points.AsSpan(3 * p.Observations[2 * i + 1], 3).CopyTo(x[BaProblem.CameraParameters..]);
                x[Inputs - 1] = p.Weights[i];
                Data[2 * k] = p.Features[2 * i];
                Data[2 * k + 1] = p.Features[2 * i + 1];
            }
        }
    }
}
