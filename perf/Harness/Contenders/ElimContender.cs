using Elim.Backend;
using Elim.Graph;

namespace Elim.Perf.Contenders;

/// <summary>Elim's compiled Jacobian for one elimination order (SIMD across points, threads split the batch).</summary>
public sealed class ElimContender(string name, ComputationalGraph graph, EliminationOrder order) : IContender
{
    private readonly JacobianFunction _function = JacobianCompiler.Compile(graph, order);

    public string Name => name;
    public int MaxPoints => int.MaxValue;

    /// <summary>The compiled function (costs, order).</summary>
    public JacobianFunction Function => _function;

    public void Run(Batch batch, int count, int threads) =>
        _function.EvaluateBatch(batch.Inputs.AsSpan(0, count * graph.InputCount), batch.Outputs.AsSpan(0, count * graph.OutputCount),
            batch.Jacobians.AsSpan(0, count * graph.OutputCount * graph.InputCount), count, BatchLayout.PerPoint, threads);

    public double[] FirstJacobian(Batch batch)
    {
        var jacobian = new double[graph.OutputCount * graph.InputCount];
        _function.Evaluate(batch.Point(0), new double[graph.OutputCount], jacobian);
        return jacobian;
    }
}
