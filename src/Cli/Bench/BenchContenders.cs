using Elim.Backend;
using Elim.Graph;

namespace Elim.Cli.Bench;

/// <summary>The contenders of <c>elim bench</c>.</summary>
public static class BenchContenders
{
    /// <summary>At most this many points are given to the reference interpreter (it allocates per point).</summary>
    public const int InterpreterSample = 2_000;

    /// <summary>Every contender, in report order.</summary>
    public static IReadOnlyList<IBenchContender> All { get; } =
    [
        new CompiledJacobian("elim-forward", bench => StandardOrders.Forward(bench.Graph)),
        new CompiledJacobian("elim-reverse", bench => StandardOrders.Reverse(bench.Graph)),
        new CompiledJacobian("elim-markowitz", bench => StandardOrders.MinimalMarkowitz(bench.Graph)),
        new CompiledJacobian("elim-best", bench => bench.Best.Order),
        new CompiledJacobian("elim-best-soa", bench => bench.Best.Order, BatchLayout.StructureOfArrays),
        new ReferenceInterpreter(),
        new CompiledPrimal(),
    ];

    /// <summary>
    /// Contenders the <c>elim</c> tool leaves out, with why: <c>bench</c> notes them as skipped. The elim-torch tool
    /// (src/TorchTool) adds the TorchSharp one back.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Absent { get; } = new Dictionary<string, string>
    {
        ["torchsharp"] = "TorchSharp is not part of the elim tool; 'elim-torch bench' times it",
    };

    /// <summary>
    /// Elim's compiled outputs and Jacobian with one order source, batched over all points in <paramref name="layout"/>
    /// (structure-of-arrays inputs and data are transposed once, before timing).
    /// </summary>
    private sealed class CompiledJacobian(string name, Func<BenchCase, EliminationOrder> order,
        BatchLayout layout = BatchLayout.PerPoint) : IBenchContender
    {
        public string Name => name;

        public (Action, int) Prepare(BenchCase bench)
        {
            var function = JacobianCompiler.Compile(bench.Graph, order(bench));
            var inputs = layout == BatchLayout.PerPoint ? bench.Inputs : Columns(bench.Inputs, bench.Batch, function.InputCount);
            var data = layout == BatchLayout.PerPoint ? bench.Data : Columns(bench.Data, bench.Batch, function.DataCount);
            var outputs = new double[bench.Batch * function.OutputCount];
            var jacobians = new double[outputs.Length * function.InputCount];
            return (() => function.EvaluateBatch(inputs, data, outputs, jacobians, bench.Batch, layout, bench.Threads), bench.Batch);
        }

        private static double[] Columns(double[] perPoint, int count, int width)
        {
            var columns = new double[perPoint.Length];
            for (int p = 0; p < count; p++)
            {
                for (int i = 0; i < width; i++) columns[i * count + p] = perPoint[p * width + i];
            }
            return columns;
        }
    }

    /// <summary>The compiled primal alone: the floor any Jacobian's time is compared with.</summary>
    private sealed class CompiledPrimal : IBenchContender
    {
        public string Name => "primal";

        public (Action, int) Prepare(BenchCase bench)
        {
            var primal = JacobianCompiler.CompilePrimal(bench.Graph);
            var outputs = new double[bench.Batch * primal.OutputCount];
            return (() => primal.EvaluateBatch(bench.Inputs, bench.Data, outputs, bench.Batch, BatchLayout.PerPoint, bench.Threads), bench.Batch);
        }
    }

    /// <summary>The reference interpreter's forward-mode Jacobian, point by point on one thread, on a sample of the batch.</summary>
    private sealed class ReferenceInterpreter : IBenchContender
    {
        public string Name => "interpreter";

        public (Action, int) Prepare(BenchCase bench)
        {
            int n = bench.Graph.InputCount, d = bench.Graph.DataCount;
            int points = Math.Min(bench.Batch, InterpreterSample);
            return (() =>
            {
                for (int p = 0; p < points; p++) Interpreter.ForwardJacobian(bench.Graph, bench.Inputs.AsSpan(p * n, n), bench.Data.AsSpan(p * d, d));
            }, points);
        }
    }
}
