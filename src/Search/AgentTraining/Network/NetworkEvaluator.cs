using Elim.Search.Agent.Features;
using static TorchSharp.torch;

namespace Elim.Search.Agent.Network;

/// <summary>Runs a network without gradients on observations and hands back plain arrays.</summary>
public static class NetworkEvaluator
{
    /// <summary>Evaluates <paramref name="observations"/> in one batched forward pass.</summary>
    public static Evaluation[] Evaluate(PolicyValueNet net, IReadOnlyList<GraphObservation> observations)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var batch = GraphBatch.Of(observations);
        var (logits, value) = net.Forward(batch);
        var logitData = logits.data<float>().ToArray();
        var valueData = value.data<float>().ToArray();
        var results = new Evaluation[observations.Count];
        for (int b = 0; b < results.Length; b++)
            results[b] = new Evaluation(logitData.AsSpan(b * batch.NodeCount, observations[b].NodeCount).ToArray(), valueData[b]);
        return results;
    }

    /// <summary>Evaluates one observation.</summary>
    public static Evaluation Evaluate(PolicyValueNet net, GraphObservation observation) => Evaluate(net, [observation])[0];
}
