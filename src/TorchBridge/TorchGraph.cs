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
    /// <summary>The outputs at the point <paramref name="x"/>.</summary>
    public static double[] Evaluate(ComputationalGraph graph, double[] x)
    {
        using var scope = NewDisposeScope();
        return EvaluateBatch(graph, Row(graph, x)).data<double>().ToArray();
    }

    /// <summary>The Jacobian (row per output, column per input) at <paramref name="x"/>, by autograd.</summary>
    public static double[,] Jacobian(ComputationalGraph graph, double[] x)
    {
        using var scope = NewDisposeScope();
        var jacobian = new double[graph.OutputCount, graph.InputCount];
        CopyTo(JacobianBatch(graph, Row(graph, x)).Jacobian, jacobian);
        return jacobian;
    }

    /// <summary>
    /// The outputs at N points, without recording gradients. <paramref name="points"/> is an N×n float64
    /// tensor; the result is N×m and belongs to the caller. <paramref name="threads"/>, when given, sets
    /// torch's intra-op thread count for the process.
    /// </summary>
    public static Tensor EvaluateBatch(ComputationalGraph graph, Tensor points, int? threads = null)
    {
        CheckPoints(graph, points);
        SetThreads(threads);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var outputs = TorchTrace.Outputs(graph, points.unbind(1));
        return scope.MoveToOuter(Stack(outputs, points.size(0)));
    }

    /// <summary>
    /// The outputs (N×m) and Jacobians (N×m×n) at N points, the fair batched way: one forward pass over
    /// the whole batch with every input column a leaf that requires gradients, then one backward pass per
    /// output over the batch (the points are independent, so the gradient of an output summed over the
    /// batch is that output's Jacobian row at every point). <paramref name="points"/> is an N×n float64
    /// tensor; <paramref name="threads"/>, when given, sets torch's intra-op thread count for the process
    /// (on the 2-core machine one thread was far faster than two: the second OpenMP thread spin-waits).
    /// </summary>
    public static BatchJacobian JacobianBatch(ComputationalGraph graph, Tensor points, int? threads = null)
    {
        CheckPoints(graph, points);
        SetThreads(threads);
        using var scope = NewDisposeScope();
        long count = points.size(0);
        var inputs = points.detach().unbind(1).Select(column => column.contiguous().requires_grad_()).ToArray();
        var outputs = TorchTrace.Outputs(graph, inputs);
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
    /// The outputs and Jacobians at the rows of <paramref name="points"/> (N×n), as arrays: values N×m,
    /// Jacobian N×m×n.
    /// </summary>
    public static (double[,] Values, double[,,] Jacobian) JacobianBatch(ComputationalGraph graph, double[,] points, int? threads = null)
    {
        using var scope = NewDisposeScope();
        var batch = JacobianBatch(graph, tensor(points, float64), threads);
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

    // Columns of length N side by side; a column that depends on no input (0-dimensional, or unused by
    // autograd and so undefined) is broadcast or zero-filled to length N.
    private static Tensor Stack(IEnumerable<Tensor?> columns, long count) =>
        stack(columns.Select(c => c is null || c.IsInvalid ? zeros(count, float64) : c.expand(count)), 1);

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
