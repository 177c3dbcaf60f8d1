using Elim.Cli.Bench;
using Elim.Graph;
using Elim.TorchBridge;
using static TorchSharp.torch;

namespace Elim.TorchTool;

/// <summary>
/// TorchSharp's autograd on the batched function, the fair batched form (one forward pass over the points,
/// one backward pass per output row), on at most <see cref="Sample"/> points. The input tensor is made
/// before timing; the Jacobian stays a tensor, as a torch user would keep it.
/// </summary>
public sealed class TorchSharpAutograd : IBenchContender
{
    /// <summary>At most this many points per timed call (autograd keeps the whole tape in memory).</summary>
    public const int Sample = 100_000;

    /// <inheritdoc />
    public string Name => "torchsharp";

    /// <inheritdoc />
    public (Action Run, int Points) Prepare(BenchCase bench)
    {
        int n = bench.Graph.InputCount;
        int points = Math.Min(bench.Batch, Sample);
        int d = bench.Graph.DataCount;
        var inputs = tensor(bench.Inputs.AsSpan(0, points * n).ToArray(), [points, n], float64);
        var data = d == 0 ? null : tensor(bench.Data.AsSpan(0, points * d).ToArray(), [points, d], float64);
        return (() =>
        {
            using var result = TorchGraph.JacobianBatch(bench.Graph, inputs, bench.Threads, data);
        }, points);
    }
}
