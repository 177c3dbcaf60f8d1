using System.Text.Json;
using System.Text.Json.Serialization;
using Elim.Graph;

namespace Elim.Search.Agent.Priority;

/// <summary>
/// The learned priority of eliminating a vertex next, lower first: a one-hidden-layer network over
/// <see cref="PriorityFeatures"/>, tanh units, plus a linear term of the features themselves (so that a network
/// starts as a classical rule, minimal Markowitz, and learns corrections to it). Small on purpose: it is scored
/// once per vertex whose neighbourhood changed, not once per step over the whole graph, and it is trained by
/// evolution strategies, whose cost grows with the number of weights.
/// </summary>
public sealed class PriorityNetwork
{
    /// <summary>The format name a model file carries.</summary>
    public const string Format = "elim-priority-network-1";

    /// <summary>Hidden units of a fresh network.</summary>
    public const int DefaultHidden = 16;

    /// <summary>A network with <paramref name="hidden"/> units and the given weights (layout: see <see cref="ParameterCount"/>).</summary>
    public PriorityNetwork(int hidden, double[] parameters)
    {
        Hidden = hidden;
        if (parameters.Length != ParameterCount(hidden))
            throw new InvalidDataException($"A priority network with {hidden} hidden units has {ParameterCount(hidden)} weights, not {parameters.Length}.");
        Parameters = parameters;
    }

    /// <summary>Hidden units.</summary>
    public int Hidden { get; }

    /// <summary>All weights: the hidden layer's (row per unit), its biases, the output weights, then the linear term's.</summary>
    public double[] Parameters { get; }

    /// <summary>How many weights a network of <paramref name="hidden"/> units has.</summary>
    public static int ParameterCount(int hidden) => hidden * PriorityFeatures.Count + 2 * hidden + PriorityFeatures.Count;

    /// <summary>A network that plays minimal Markowitz (the linear term reads the log Markowitz degree) with small random hidden weights (<paramref name="gaussian"/>: standard normal draws).</summary>
    public static PriorityNetwork Initial(int hidden, Func<double> gaussian)
    {
        var parameters = new double[ParameterCount(hidden)];
        for (int i = 0; i < hidden * (PriorityFeatures.Count + 2); i++) parameters[i] = 0.1 * gaussian();
        parameters[hidden * (PriorityFeatures.Count + 2) + PriorityFeatures.MarkowitzIndex] = 1;
        return new PriorityNetwork(hidden, parameters);
    }

    /// <summary>The priority of a vertex with <paramref name="features"/>; lower is eliminated first.</summary>
    public double Evaluate(ReadOnlySpan<float> features)
    {
        var p = Parameters;
        int n = PriorityFeatures.Count, outputs = Hidden * (n + 1), linear = outputs + Hidden;
        double priority = 0;
        for (int unit = 0; unit < Hidden; unit++)
        {
            double sum = p[Hidden * n + unit];
            var row = p.AsSpan(unit * n, n);
            for (int i = 0; i < n; i++) sum += row[i] * features[i];
            priority += p[outputs + unit] * Math.Tanh(sum);
        }
        for (int i = 0; i < n; i++) priority += p[linear + i] * features[i];
        return priority;
    }

    /// <summary>Writes the network as JSON to <paramref name="path"/> (beside it first, then moved over it).</summary>
    public void Save(string path)
    {
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new ModelFile(Format, PriorityFeatures.Count, Hidden, Parameters), Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a network written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static PriorityNetwork Load(string path)
    {
        ModelFile? file;
        try { file = JsonSerializer.Deserialize<ModelFile>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not a priority network ({JsonProblem.Describe(e)})."); }
        if (file is null || file.Format != Format) throw new InvalidDataException($"{path} is not a priority network (format '{file?.Format}', expected '{Format}').");
        if (file.Features != PriorityFeatures.Count)
            throw new InvalidDataException($"{path} reads {file.Features} features per vertex; this version of elim computes {PriorityFeatures.Count}.");
        if (file.Parameters is null || file.Hidden < 0 || file.Parameters.Length != ParameterCount(file.Hidden))
            throw new InvalidDataException($"{path} is not a whole priority network: {file.Hidden} hidden units need {ParameterCount(Math.Max(0, file.Hidden))} weights.");
        return new PriorityNetwork(file.Hidden, file.Parameters);
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record ModelFile(string Format, int Features, int Hidden, [property: JsonPropertyName("parameters")] double[] Parameters);
}
