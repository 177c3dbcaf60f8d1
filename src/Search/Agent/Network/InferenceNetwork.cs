using System.Numerics;
using System.Runtime.CompilerServices;
using Elim.Search.Agent.Features;

namespace Elim.Search.Agent.Network;

/// <summary>
/// The policy/value network's forward pass (the training package's <c>PolicyValueNet.Forward</c>) for one
/// observation in plain C#, on a snapshot of the weights (from a model file or a live network):
/// the same arithmetic, but messages are summed over the edge lists instead of dense matrices and policy
/// logits are computed for legal vertices only. A TorchSharp call costs tens of microseconds whatever its
/// size, and a greedy step on a 100-vertex graph needs a few dozen of them; this path needs none.
/// Tests check it against the torch forward pass. Thread-safe: every call works in its own buffers.
/// </summary>
public sealed class InferenceNetwork
{
    private const float LayerNormEpsilon = 1e-5f;

    private readonly int _h;
    private readonly Dense _embed1, _embed2, _policy1, _policy2, _value1, _value2;
    private readonly Dense[] _messages;
    private readonly (float[] Gain, float[] Bias)[] _norms;

    /// <summary>
    /// The network with the weights of <paramref name="model"/>; throws <see cref="InvalidDataException"/> when a weight
    /// the shape needs is missing or has the wrong size.
    /// </summary>
    public InferenceNetwork(AgentModel model)
    {
        _h = model.Shape.Hidden;
        int h = _h;
        float[] Weight(string name, int size)
        {
            if (!model.Weights.TryGetValue(name, out var tensor)) throw new InvalidDataException($"Agent model: no weight '{name}'.");
            if (tensor.Values.Length != size)
                throw new InvalidDataException($"Agent model: '{name}' has {tensor.Values.Length} elements, not {size}.");
            return tensor.Values;
        }
        Dense Linear(string name, int inputs, int outputs) => new(Weight(name + ".weight", outputs * inputs), Weight(name + ".bias", outputs));
        _embed1 = Linear("_embed.0", GraphFeatures.FeatureCount, h);
        _embed2 = Linear("_embed.2", h, h);
        _messages = [.. Enumerable.Range(0, model.Shape.Rounds).Select(r => Linear($"_messages.{r}", 3 * h, h))];
        _norms = [.. Enumerable.Range(0, model.Shape.Rounds).Select(r => (Weight($"_norms.{r}.weight", h), Weight($"_norms.{r}.bias", h)))];
        _policy1 = Linear("_policy.0", h, h);
        _policy2 = Linear("_policy.2", h, 1);
        _value1 = Linear("_value.0", 2 * h + GraphFeatures.GlobalCount, h);
        _value2 = Linear("_value.2", h, 1);
    }

    /// <summary>The network saved at <paramref name="path"/> (read without TorchSharp).</summary>
    public static InferenceNetwork Load(string path) => new(AgentModel.Load(path));

    /// <summary>Evaluates <paramref name="o"/>: the same numbers as the torch forward pass, up to float rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // fully optimized at once: greedy runs are short
    public Evaluation Evaluate(GraphObservation o)
    {
        int n = o.NodeCount, h = _h;
        var inDegree = new int[n];
        var outDegree = new int[n];
        for (int e = 0; e < o.EdgeSources.Length; e++) { inDegree[o.EdgeTargets[e]]++; outDegree[o.EdgeSources[e]]++; }
        // A node with no edges that is not legal (an eliminated intermediate) reaches no legal vertex and is
        // not pooled, so it cannot change any output: skip it (late in a game, most nodes).
        var active = new bool[n];
        for (int node = 0; node < n; node++) active[node] = o.Legal[node] || inDegree[node] > 0 || outDegree[node] > 0;

        var state = new float[n * h];
        var hidden = new float[h];
        for (int node = 0; node < n; node++)
        {
            if (!active[node]) continue;
            _embed1.Apply(o.Features.AsSpan(node * GraphFeatures.FeatureCount, GraphFeatures.FeatureCount), hidden, relu: true);
            _embed2.Apply(hidden, state.AsSpan(node * h, h), relu: false);
        }

        var input = new float[n * 3 * h];   // per node: [own state, mean over predecessors, mean over successors]
        var update = new float[h];
        for (int r = 0; r < _messages.Length; r++)
        {
            Array.Clear(input);
            for (int node = 0; node < n; node++) state.AsSpan(node * h, h).CopyTo(input.AsSpan(node * 3 * h, h));
            for (int e = 0; e < o.EdgeSources.Length; e++)
            {
                int s = o.EdgeSources[e], t = o.EdgeTargets[e];
                AddScaled(state.AsSpan(s * h, h), 1f / inDegree[t], input.AsSpan(t * 3 * h + h, h));
                AddScaled(state.AsSpan(t * h, h), 1f / outDegree[s], input.AsSpan(s * 3 * h + 2 * h, h));
            }
            for (int node = 0; node < n; node++)
            {
                if (!active[node]) continue;
                _messages[r].Apply(input.AsSpan(node * 3 * h, 3 * h), update, relu: true);
                var row = state.AsSpan(node * h, h);
                for (int i = 0; i < h; i++) row[i] += update[i];
                LayerNorm(row, _norms[r].Gain, _norms[r].Bias);
            }
        }

        var logits = new float[n];
        var pooled = new float[2 * h + GraphFeatures.GlobalCount];
        var mean = pooled.AsSpan(0, h);
        var max = pooled.AsSpan(h, h);
        max.Fill(-1e4f);
        int legalCount = 0;
        var one = new float[1];
        for (int node = 0; node < n; node++)
        {
            if (!o.Legal[node]) { logits[node] = float.NegativeInfinity; continue; }
            var row = state.AsSpan(node * h, h);
            _policy1.Apply(row, hidden, relu: true);
            _policy2.Apply(hidden, one, relu: false);
            logits[node] = one[0];
            legalCount++;
            for (int i = 0; i < h; i++) { mean[i] += row[i]; max[i] = Math.Max(max[i], row[i]); }
        }
        for (int i = 0; i < h; i++) mean[i] /= Math.Max(1, legalCount);
        o.Globals.CopyTo(pooled, 2 * h);
        _value1.Apply(pooled, hidden, relu: true);
        _value2.Apply(hidden, one, relu: false);
        return new Evaluation(logits, one[0]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddScaled(ReadOnlySpan<float> source, float scale, Span<float> target)
    {
        for (int i = 0; i < source.Length; i++) target[i] += scale * source[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LayerNorm(Span<float> row, float[] gain, float[] bias)
    {
        float mean = 0, variance = 0;
        foreach (float v in row) mean += v;
        mean /= row.Length;
        foreach (float v in row) variance += (v - mean) * (v - mean);
        float scale = 1f / MathF.Sqrt(variance / row.Length + LayerNormEpsilon);
        for (int i = 0; i < row.Length; i++) row[i] = (row[i] - mean) * scale * gain[i] + bias[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        int i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count) sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        float total = Vector.Sum(sum);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }

    /// <summary>A linear layer y = W·x + b with torch's [out, in] weight layout.</summary>
    private sealed class Dense(float[] weight, float[] bias)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Apply(ReadOnlySpan<float> x, Span<float> y, bool relu)
        {
            int inputs = x.Length;
            for (int o = 0; o < bias.Length; o++)
            {
                float sum = bias[o] + Dot(weight.AsSpan(o * inputs, inputs), x);
                y[o] = relu ? Math.Max(0, sum) : sum;
            }
        }
    }
}

/// <summary>One evaluation of one state: a logit per node (−∞ where illegal) and the predicted log(1 + remaining cost).</summary>
/// <param name="Logits">Per node of the observation.</param>
/// <param name="Value">Predicted log(1 + cost of eliminating everything that remains).</param>
public sealed record Evaluation(float[] Logits, float Value)
{
    /// <summary>The value as a cost (the inverse of the log scale, never negative).</summary>
    public double RemainingCost => Math.Max(0, Math.Exp(Value) - 1);
}

/// <summary>The network's hyperparameters, saved with its weights.</summary>
/// <param name="Hidden">Width of every node state and hidden layer.</param>
/// <param name="Rounds">Rounds of message passing.</param>
public sealed record NetworkShape(int Hidden, int Rounds)
{
    /// <summary>The shape of the shipped model.</summary>
    public static NetworkShape Default { get; } = new(32, 3);
}
