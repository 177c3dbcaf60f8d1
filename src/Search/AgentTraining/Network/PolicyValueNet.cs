using Elim.Search.Agent.Features;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Elim.Search.Agent.Network;

/// <summary>
/// The policy/value network. Node features are embedded by a two-layer MLP, then refined by rounds of
/// message passing: each node concatenates its state with the mean over its predecessors and over its
/// successors in the current graph, and adds a learned update (residual, layer-normalized). The policy
/// head gives one logit per node, −∞ wherever elimination is illegal; the value head pools the legal
/// vertices (mean and max), appends the graph-wide numbers, and predicts log(1 + remaining cost).
/// Every weight is shared across nodes, so the network works on graphs of any size and numbering.
/// </summary>
public sealed class PolicyValueNet : nn.Module
{
    private readonly Sequential _embed;
    private readonly ModuleList<Linear> _messages;
    private readonly ModuleList<LayerNorm> _norms;
    private readonly Sequential _policy;
    private readonly Sequential _value;

    /// <summary>A freshly initialized network (initialization follows torch's global seed).</summary>
    public PolicyValueNet(NetworkShape shape) : base(nameof(PolicyValueNet))
    {
        Shape = shape;
        int h = shape.Hidden;
        _embed = nn.Sequential(nn.Linear(GraphFeatures.FeatureCount, h), nn.ReLU(), nn.Linear(h, h));
        _messages = new ModuleList<Linear>([.. Enumerable.Range(0, shape.Rounds).Select(_ => nn.Linear(3 * h, h))]);
        _norms = new ModuleList<LayerNorm>([.. Enumerable.Range(0, shape.Rounds).Select(_ => nn.LayerNorm(h))]);
        _policy = nn.Sequential(nn.Linear(h, h), nn.ReLU(), nn.Linear(h, 1));
        _value = nn.Sequential(nn.Linear(2 * h + GraphFeatures.GlobalCount, h), nn.ReLU(), nn.Linear(h, 1));
        RegisterComponents();
    }

    /// <summary>The network's size.</summary>
    public NetworkShape Shape { get; }

    /// <summary>Policy logits [B, N] (−∞ where illegal) and predicted log(1 + remaining cost) [B].</summary>
    public (Tensor Logits, Tensor Value) Forward(GraphBatch batch)
    {
        // Scalars are made and disposed here: TorchSharp's implicit ones (also the alpha of a plain +) are
        // left to the finalizer, which may free one while a native call still reads it.
        using var one = 1f.ToScalar();
        using var minusInfinity = float.NegativeInfinity.ToScalar();
        using var veryLow = (-1e4f).ToScalar();
        var h = _embed.call(batch.Features);
        for (int r = 0; r < _messages.Count; r++)
        {
            var fromPredecessors = bmm(batch.PredecessorMean, h);
            var fromSuccessors = bmm(batch.SuccessorMean, h);
            var update = nn.functional.relu(_messages[r].call(cat([h, fromPredecessors, fromSuccessors], -1)));
            h = _norms[r].call(h.add(update, one));
        }
        var legal = batch.Legal;
        var logits = _policy.call(h).squeeze(-1).masked_fill(legal.logical_not(), minusInfinity);

        var weight = legal.to_type(ScalarType.Float32).unsqueeze(-1);
        var mean = (h * weight).sum(1) / weight.sum(1).clamp_min(one);
        var max = h.masked_fill(legal.logical_not().unsqueeze(-1), veryLow).max(1).values;
        var value = _value.call(cat([mean, max, batch.Globals], -1)).squeeze(-1);
        return (logits, value);
    }
}

/// <summary>Snapshots of a live network for the plain C# forward pass.</summary>
public static class PolicyValueNetSnapshots
{
    /// <summary>An <see cref="InferenceNetwork"/> with the current weights of <paramref name="net"/>.</summary>
    public static InferenceNetwork ToInference(this PolicyValueNet net) => new(AgentModel.FromWeights(net.Shape,
        net.named_parameters().ToDictionary(e => e.name,
            e => new ModelTensor([.. e.parameter.shape.Select(d => (int)d)], e.parameter.detach().cpu().data<float>().ToArray()))));
}
