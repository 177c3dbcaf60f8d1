using TorchSharp;

namespace Elim.Search.Agent.Network;

/// <summary>
/// The model file: a short header (magic, format version, <see cref="NetworkShape"/>) followed by the
/// weights in TorchSharp's format. Checkpoints embed the same bytes.
/// </summary>
public static class ModelFile
{
    private const string Magic = "ELIMAGENT";
    private const int FormatVersion = 1;

    /// <summary>Writes <paramref name="net"/> to <paramref name="writer"/>.</summary>
    public static void Write(BinaryWriter writer, PolicyValueNet net)
    {
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(net.Shape.Hidden);
        writer.Write(net.Shape.Rounds);
        net.save(writer);
    }

    /// <summary>Reads a network written by <see cref="Write"/>; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static PolicyValueNet Read(BinaryReader reader)
    {
        string magic;
        try { magic = reader.ReadString(); }
        catch (EndOfStreamException) { throw new InvalidDataException("Not an elim agent model (file too short)."); }
        if (magic != Magic) throw new InvalidDataException("Not an elim agent model (bad header).");
        int version = reader.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"Agent model format {version} is not supported (expected {FormatVersion}).");
        var net = new PolicyValueNet(new NetworkShape(reader.ReadInt32(), reader.ReadInt32()));
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
