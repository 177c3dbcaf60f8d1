using Elim.Graph;

namespace Elim.Perf.Contenders;

/// <summary>The reference interpreter executing the minimal-Markowitz order point by point (allocates; the slow baseline).</summary>
public sealed class InterpreterContender(ComputationalGraph graph) : IContender
{
    private readonly EliminationOrder _order = StandardOrders.MinimalMarkowitz(graph);

    public string Name => "interpreter";
    public int MaxPoints => 2_000;

    public void Run(Batch batch, int count, int threads) =>
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, p =>
        {
            var jacobian = Interpreter.EliminationJacobian(graph, batch.Point(p), _order);
            Buffer.BlockCopy(jacobian, 0, batch.Jacobians, p * jacobian.Length * sizeof(double), jacobian.Length * sizeof(double));
        });

    public double[] FirstJacobian(Batch batch) => Flatten(Interpreter.EliminationJacobian(graph, batch.Point(0), _order));

    internal static double[] Flatten(double[,] jacobian)
    {
        var flat = new double[jacobian.Length];
        Buffer.BlockCopy(jacobian, 0, flat, 0, flat.Length * sizeof(double));
        return flat;
    }
}
