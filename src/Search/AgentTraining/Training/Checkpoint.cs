using Elim.Search.Agent.Network;

namespace Elim.Search.Agent.Training;

/// <summary>
/// Everything a training run needs to continue: counters, the random stream's state, the replay buffer's
/// metadata (its positions are not stored; a resumed run refills it by self-play), the best validation
/// score, the network and Adam's state.
/// </summary>
public sealed record CheckpointState(
    int Seed, long Steps, long Games, TimeSpan Trained, ulong RandomState, int BufferCapacity, long BufferAdded, double BestRatio);

/// <summary>Writes and reads checkpoints (written beside the target, then moved over it).</summary>
public static class Checkpoint
{
    private const string Magic = "ELIMAGENT-CHECKPOINT";
    private const int FormatVersion = 1;

    /// <summary>Saves <paramref name="state"/>, the network and the optimizer to <paramref name="path"/>.</summary>
    public static void Save(string path, CheckpointState state, PolicyValueNet net, Learner learner)
    {
        string temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(state.Seed);
            writer.Write(state.Steps);
            writer.Write(state.Games);
            writer.Write(state.Trained.Ticks);
            writer.Write(state.RandomState);
            writer.Write(state.BufferCapacity);
            writer.Write(state.BufferAdded);
            writer.Write(state.BestRatio);
            ModelFile.Write(writer, net);
            learner.Optimizer.save_state_dict(writer);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a checkpoint; the learner is created for the loaded network with <paramref name="learningRate"/> and its Adam state restored.</summary>
    public static (CheckpointState State, PolicyValueNet Net, Learner Learner) Load(string path, double learningRate)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.ReadString() != Magic) throw new InvalidDataException($"{path} is not an elim agent checkpoint.");
        int version = reader.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"{path}: checkpoint format {version} is not supported.");
        var state = new CheckpointState(reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt64(), new TimeSpan(reader.ReadInt64()),
            reader.ReadUInt64(), reader.ReadInt32(), reader.ReadInt64(), reader.ReadDouble());
        var net = ModelFile.Read(reader);
        var learner = new Learner(net, learningRate);
        learner.Optimizer.load_state_dict(reader);
        return (state, net, learner);
    }
}
