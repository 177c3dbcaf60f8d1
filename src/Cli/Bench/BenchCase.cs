using Elim.Backend;
using Elim.Graph;

namespace Elim.Cli.Bench;

/// <summary>
/// What every contender of <c>elim bench</c> evaluates: a graph and a batch of points in the per-point
/// layout (<c>Inputs[p·n + i]</c>, <c>Data[p·d + k]</c>), on up to <see cref="Threads"/> threads.
/// </summary>
/// <param name="Graph">The function.</param>
/// <param name="Inputs">Batch × n inputs, point after point.</param>
/// <param name="Data">Batch × d data inputs, point after point (empty without data inputs).</param>
/// <param name="Batch">Number of points.</param>
/// <param name="Threads">Threads a contender may use.</param>
public sealed record BenchCase(ComputationalGraph Graph, double[] Inputs, double[] Data, int Batch, int Threads)
{
    private readonly Lazy<(EliminationOrder Order, string Method)> _best = new(() => BestOrder.Resolve(Graph, OrderStore.Default()));

    /// <summary>The order the <c>elim-best</c> contenders compile and where it came from, resolved once for all of them.</summary>
    public (EliminationOrder Order, string Method) Best => _best.Value;
}
