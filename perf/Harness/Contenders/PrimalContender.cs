using Elim.Backend;
using Elim.Graph;

namespace Elim.Perf.Contenders;

/// <summary>The compiled primal alone (outputs, no derivatives): the floor any Jacobian is measured against.</summary>
public sealed class PrimalContender(ComputationalGraph graph) : IContender
{
    private readonly PrimalFunction _primal = JacobianCompiler.CompilePrimal(graph);

    public string Name => "primal";
    public int MaxPoints => int.MaxValue;

    public void Run(Batch batch, int count, int threads) =>
        _primal.EvaluateBatch(batch.Inputs.AsSpan(0, count * graph.InputCount), batch.Outputs.AsSpan(0, count * graph.OutputCount),
            count, BatchLayout.PerPoint, threads);

    /// <summary>The primal has no Jacobian; it is verified on its outputs instead, by the harness.</summary>
    public double[] FirstJacobian(Batch batch) => [];
}
