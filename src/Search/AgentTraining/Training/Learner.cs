using Elim.Search.Agent.Network;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Elim.Search.Agent.Training;

/// <summary>The two parts of the loss on one batch.</summary>
/// <param name="Policy">Cross-entropy between the search's improved policy and the network's.</param>
/// <param name="Value">Squared error of the predicted log(1 + remaining cost).</param>
public readonly record struct Loss(double Policy, double Value)
{
    /// <summary>What the optimizer minimizes.</summary>
    public double Total => Policy + Value;
}

/// <summary>Adam on the network: the loss of a batch of positions, and gradient steps on it.</summary>
public sealed class Learner
{
    private readonly PolicyValueNet _net;

    /// <summary>A learner for <paramref name="net"/> with a fresh Adam state.</summary>
    public Learner(PolicyValueNet net, double learningRate)
    {
        _net = net;
        Optimizer = optim.Adam(net.parameters(), learningRate, weight_decay: 1e-5);
    }

    /// <summary>The optimizer (its state is checkpointed).</summary>
    public Adam Optimizer { get; }

    /// <summary>The loss on <paramref name="samples"/>, without changing anything.</summary>
    public Loss Evaluate(IReadOnlyList<TrainingSample> samples)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (policy, value) = Compute(samples);
        return new Loss(policy.item<float>(), value.item<float>());
    }

    /// <summary>One gradient step on <paramref name="samples"/>; returns the loss before the step.</summary>
    public Loss Step(IReadOnlyList<TrainingSample> samples)
    {
        _net.train();
        using var scope = NewDisposeScope();
        Optimizer.zero_grad();
        var (policy, value) = Compute(samples);
        using var one = 1f.ToScalar();   // explicit alpha, as in PolicyValueNet.Forward
        policy.add(value, one).backward();
        Optimizer.step();
        _net.eval();
        return new Loss(policy.item<float>(), value.item<float>());
    }

    private (Tensor Policy, Tensor Value) Compute(IReadOnlyList<TrainingSample> samples)
    {
        var batch = GraphBatch.Of([.. samples.Select(s => s.Observation)]);
        int n = batch.NodeCount;
        var policyTarget = new float[samples.Count * n];
        var valueTarget = new float[samples.Count];
        for (int s = 0; s < samples.Count; s++)
        {
            Array.Copy(samples[s].PolicyTarget, 0, policyTarget, s * n, samples[s].PolicyTarget.Length);
            valueTarget[s] = samples[s].ValueTarget;
        }
        var (logits, value) = _net.Forward(batch);
        using var zero = 0f.ToScalar();   // explicit, as in PolicyValueNet.Forward
        var logProbabilities = nn.functional.log_softmax(logits, -1).masked_fill(batch.Legal.logical_not(), zero);
        var policyLoss = -(tensor(policyTarget, [samples.Count, n]) * logProbabilities).sum(-1).mean();
        var valueLoss = nn.functional.mse_loss(value, tensor(valueTarget));
        return (policyLoss, valueLoss);
    }
}
