using Elim.Graph;
using TorchSharp;
using static TorchSharp.torch;

namespace Elim.TorchBridge;

/// <summary>
/// Evaluates and differentiates a <see cref="ComputationalGraph"/> with TorchSharp on float64 tensors:
/// one torch operation per vertex (<see cref="TorchOps"/>), derivatives by torch's autograd. It is the
/// independent oracle for Elim's Jacobians and the "TorchSharp autograd" peer in benchmarks.
/// </summary>
public static class TorchGraph
{
    /// <summary>The outputs at the point <paramref name="x"/> (with the data inputs <paramref name="data"/>).</summary>
    public static double[] Evaluate(ComputationalGraph graph, double[] x, double[]? data = null)
    {
        using var scope = NewDisposeScope();
        return EvaluateBatch(graph, Row(graph, x), data: DataRow(graph, data)).data<double>().ToArray();
    }

    /// <summary>The Jacobian (row per output, column per input) at <paramref name="x"/> (and <paramref name="data"/>), by autograd.</summary>
    public static double[,] Jacobian(ComputationalGraph graph, double[] x, double[]? data = null)
    {
        using var scope = NewDisposeScope();
        var jacobian = new double[graph.OutputCount, graph.InputCount];
        CopyTo(JacobianBatch(graph, Row(graph, x), data: DataRow(graph, data)).Jacobian, jacobian);
        return jacobian;
    }

    /// <summary>
    /// The Hessian of the single output of <paramref name="graph"/> at <paramref name="x"/> (and
    /// <paramref name="data"/>), by double autograd: the gradient with its graph kept (create_graph), then
    /// the gradient of each of its entries.
    /// </summary>
    public static double[,] Hessian(ComputationalGraph graph, double[] x, double[]? data = null)
    {
        if (graph.OutputCount != 1)
            throw new ArgumentException($"A Hessian needs one output; '{graph.Name}' has {graph.OutputCount}.", nameof(graph));
        using var scope = NewDisposeScope();
        var inputs = Row(graph, x).unbind(1).Select(column => column.contiguous().requires_grad_()).ToArray();
        var output = TorchTrace.Outputs(graph, inputs, Columns(graph, DataRow(graph, data), 1))[0];
        var hessian = new double[graph.InputCount, graph.InputCount];
        if (!output.requires_grad) return hessian;
        var gradient = autograd.grad([output], inputs, [ones_like(output)], retain_graph: true, create_graph: true, allow_unused: true);
        for (int i = 0; i < graph.InputCount; i++)
        {
            if (!IsDefined(gradient[i]) || !gradient[i].requires_grad) continue; // linear in the inputs along row i
            var row = autograd.grad([gradient[i]], inputs, [ones_like(gradient[i])], retain_graph: true, allow_unused: true);
            for (int j = 0; j < graph.InputCount; j++) hessian[i, j] = IsDefined(row[j]) ? row[j].item<double>() : 0;
        }
        return hessian;
    }

    /// <summary>
    /// The outputs at N points, without recording gradients. <paramref name="points"/> is an N×n float64
    /// tensor and <paramref name="data"/> an N×d one (d data inputs, none when the graph has none); the
    /// result is N×m and belongs to the caller. <paramref name="threads"/>, when given, sets torch's
    /// intra-op thread count for the process.
    /// </summary>
    public static Tensor EvaluateBatch(ComputationalGraph graph, Tensor points, int? threads = null, Tensor? data = null)
    {
        CheckPoints(graph, points);
        SetThreads(threads);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var outputs = TorchTrace.Outputs(graph, points.unbind(1), Columns(graph, data, points.size(0)));
        return scope.MoveToOuter(Stack(outputs, points.size(0)));
    }

    /// <summary>
    /// The outputs (N×m) and Jacobians (N×m×n) at N points, the fair batched way: one forward pass over
    /// the whole batch with every input column a leaf that requires gradients, then one backward pass per
    /// output over the batch (the points are independent, so the gradient of an output summed over the
    /// batch is that output's Jacobian row at every point). <paramref name="points"/> is an N×n float64
    /// tensor and <paramref name="data"/> an N×d one (constants to autograd: no column); <paramref name="threads"/>,
    /// when given, sets torch's intra-op thread count for the process (on the 2-core machine one thread was
    /// far faster than two: the second OpenMP thread spin-waits).
    /// </summary>
    public static BatchJacobian JacobianBatch(ComputationalGraph graph, Tensor points, int? threads = null, Tensor? data = null)
    {
        CheckPoints(graph, points);
        SetThreads(threads);
        using var scope = NewDisposeScope();
        long count = points.size(0);
        var inputs = points.detach().unbind(1).Select(column => column.contiguous().requires_grad_()).ToArray();
        var outputs = TorchTrace.Outputs(graph, inputs, Columns(graph, data, count));
        var seed = ones(count, float64);
        int lastDifferentiable = Array.FindLastIndex(outputs, o => o.requires_grad);
        var rows = new Tensor[outputs.Length];
        for (int o = 0; o < outputs.Length; o++)
        {
            rows[o] = outputs[o].requires_grad
                ? Stack(autograd.grad([outputs[o]], inputs, [seed], retain_graph: o < lastDifferentiable, allow_unused: true), count)
                : zeros(count, graph.InputCount, float64);
        }
        var values = Stack(outputs, count).detach();
        var jacobian = stack(rows, 1);
        return new BatchJacobian(scope.MoveToOuter(values), scope.MoveToOuter(jacobian));
    }

    /// <summary>
    /// The outputs and Jacobians at the rows of <paramref name="points"/> (N×n), with the data inputs of each
    /// point in the rows of <paramref name="data"/> (N×d), as arrays: values N×m, Jacobian N×m×n.
    /// </summary>
    public static (double[,] Values, double[,,] Jacobian) JacobianBatch(ComputationalGraph graph, double[,] points, int? threads = null,
        double[,]? data = null)
    {
        using var scope = NewDisposeScope();
        var batch = JacobianBatch(graph, tensor(points, float64), threads, data is null ? null : tensor(data, float64));
        var values = new double[points.GetLength(0), graph.OutputCount];
        var jacobian = new double[points.GetLength(0), graph.OutputCount, graph.InputCount];
        CopyTo(batch.Values, values);
        CopyTo(batch.Jacobian, jacobian);
        return (values, jacobian);
    }

    private static Tensor Row(ComputationalGraph graph, double[] x)
    {
        if (x.Length != graph.InputCount)
            throw new ArgumentException($"'{graph.Name}' takes {graph.InputCount} inputs, got {x.Length}.", nameof(x));
        return tensor(x, float64).unsqueeze(0);
    }

    private static Tensor? DataRow(ComputationalGraph graph, double[]? data)
    {
        if (data is null) return null;
        if (data.Length != graph.DataCount)
            throw new ArgumentException($"'{graph.Name}' takes {graph.DataCount} data values, got {data.Length}.", nameof(data));
        return tensor(data, float64).unsqueeze(0);
    }

    // The data inputs' columns of an N×d tensor; a graph without data takes none.
    private static Tensor[] Columns(ComputationalGraph graph, Tensor? data, long count)
    {
        if (data is null && graph.DataCount == 0) return [];
        if (data is null || data.dtype != float64 || data.dim() != 2 || data.size(0) != count || data.size(1) != graph.DataCount)
            throw new ArgumentException(
                $"'{graph.Name}' needs an {count}×{graph.DataCount} float64 tensor of data, got "
                + (data is null ? "none." : $"{data.dtype} [{string.Join(", ", data.shape)}]."), nameof(data));
        return data.unbind(1);
    }

    private static bool IsDefined(Tensor? tensor) => tensor is not null && !tensor.IsInvalid;

    // Columns of length N side by side; a column that depends on no input (0-dimensional, or unused by
    // autograd and so undefined) is broadcast or zero-filled to length N.
    private static Tensor Stack(IEnumerable<Tensor?> columns, long count) =>
        stack(columns.Select(c => IsDefined(c) ? c!.expand(count) : zeros(count, float64)), 1);

    private static void CheckPoints(ComputationalGraph graph, Tensor points)
    {
        if (points.dtype != float64 || points.dim() != 2 || points.size(1) != graph.InputCount)
            throw new ArgumentException(
                $"'{graph.Name}' needs an N×{graph.InputCount} float64 tensor of points, got {points.dtype} [{string.Join(", ", points.shape)}].",
                nameof(points));
    }

    private static void SetThreads(int? threads)
    {
        if (threads is int count) set_num_threads(count);
    }

    private static void CopyTo(Tensor source, Array target)
    {
        var entries = source.contiguous().data<double>().ToArray();
        Buffer.BlockCopy(entries, 0, target, 0, entries.Length * sizeof(double));
    }
}
