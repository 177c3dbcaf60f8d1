using Elim.Graph;
using Elim.TorchBridge;
using static TorchSharp.torch;

namespace Elim.Perf.Contenders;

/// <summary>
/// TorchSharp autograd on the batched function, the fair batched form: one forward pass over the batch,
/// one backward pass per output row (<see cref="TorchGraph.JacobianBatch(ComputationalGraph, Tensor, int?, Tensor?)"/>).
/// The input tensor is made outside the timed call; the Jacobian stays a tensor, as a torch user would keep it.
/// </summary>
public sealed class TorchSharpContender(ComputationalGraph graph) : IContender
{
    private Tensor? _points;
    private int _pointsCount = -1;

    public string Name => "torchsharp";
    public int MaxPoints => 100_000;

    public void Run(Batch batch, int count, int threads)
    {
        if (_pointsCount != count)
        {
            _points?.Dispose();
            _points = tensor(batch.Inputs.AsSpan(0, count * graph.InputCount).ToArray(), [count, graph.InputCount], float64);
            _pointsCount = count;
        }
        using var result = TorchGraph.JacobianBatch(graph, _points!, threads);
    }

    public double[] FirstJacobian(Batch batch)
    {
        var jacobian = TorchGraph.Jacobian(graph, batch.Point(0));
        return InterpreterContender.Flatten(jacobian);
    }
}
