using System.Text.Json;
using Elim.Graph;

namespace Elim.Search.Agent.Training.Priority;

/// <summary>
/// Everything an evolution-strategies run of the priority network needs to continue: counters, the random stream's
/// state, the best validation score (graphs lost to the best standard order, mean cost ratio), the mean weights and
/// Adam's moments.
/// </summary>
public sealed record EvolutionState(
    int Seed, long Generation, long Games, TimeSpan Trained, ulong RandomState, int BestLosses, double BestRatio, int Hidden,
    double[] Weights, double[] FirstMoment, double[] SecondMoment)
{
    private const string Format = "elim-priority-checkpoint-2";

    /// <summary>Writes the state to <paramref name="path"/> (beside it first, then moved over it).</summary>
    public void Save(string path)
    {
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new Stored(Format, this)));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a state written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static EvolutionState Load(string path)
    {
        Stored? file;
        try { file = JsonSerializer.Deserialize<Stored>(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not a priority-network checkpoint ({JsonProblem.Describe(e)})."); }
        if (file?.Format != Format || file.State is null) throw new InvalidDataException($"{path} is not a priority-network checkpoint.");
        return file.State;
    }

    private sealed record Stored(string Format, EvolutionState State);
}
