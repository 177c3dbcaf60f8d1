using TorchSharp;

namespace Elim.Search.Agent.Network;

/// <summary>
/// The model file through TorchSharp: a short header (magic, format version, <see cref="NetworkShape"/>) followed by
/// the weights in TorchSharp's format (<see cref="AgentModel"/> describes it and reads it without TorchSharp).
/// Checkpoints embed the same bytes.
/// </summary>
public static class ModelFile
{
    /// <summary>Writes <paramref name="net"/> to <paramref name="writer"/>.</summary>
    public static void Write(BinaryWriter writer, PolicyValueNet net)
    {
        writer.Write(AgentModel.Magic);
        writer.Write(AgentModel.FormatVersion);
        writer.Write(net.Shape.Hidden);
        writer.Write(net.Shape.Rounds);
        net.save(writer);
    }

    /// <summary>Reads a network written by <see cref="Write"/>; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static PolicyValueNet Read(BinaryReader reader)
    {
        var net = new PolicyValueNet(AgentModel.ReadHeader(reader));
        net.load(reader);
        net.eval();
        return net;
    }

    /// <summary>Saves <paramref name="net"/> to <paramref name="path"/> (written beside it, then moved over it).</summary>
    public static void Save(string path, PolicyValueNet net)
    {
        string temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary))) Write(writer, net);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Loads the network saved at <paramref name="path"/>.</summary>
    public static PolicyValueNet Load(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        return Read(reader);
    }
}
