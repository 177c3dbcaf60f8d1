using System.Buffers.Binary;

namespace Elim.Search.Agent.Network;

/// <summary>
/// The agent's model file, read without TorchSharp. The file is a header (a <see cref="BinaryWriter"/> string
/// <see cref="Magic"/>, the Int32 <see cref="FormatVersion"/>, then <see cref="NetworkShape.Hidden"/> and
/// <see cref="NetworkShape.Rounds"/> as Int32) followed by the weights in the format TorchSharp's <c>Module.save</c>
/// writes (0.107): an unsigned LEB128 count of entries, then per entry its name (LEB128 byte length and UTF-8, as
/// <see cref="BinaryWriter.Write(string)"/>) and its tensor: LEB128 element type (6 = float32, the only one a model
/// holds), LEB128 rank, one LEB128 per dimension, and the elements' little-endian bytes in row-major order.
/// The training package writes the file through TorchSharp; a test checks this reader gives the same bits as
/// TorchSharp's load.
/// </summary>
public sealed class AgentModel
{
    /// <summary>The file's first string.</summary>
    public const string Magic = "ELIMAGENT";

    /// <summary>The one format version there is.</summary>
    public const int FormatVersion = 1;

    private const int Float32 = 6;
    private const int MaxEntries = 10_000;

    private AgentModel(NetworkShape shape, IReadOnlyDictionary<string, ModelTensor> weights)
    {
        Shape = shape;
        Weights = weights;
    }

    /// <summary>The network's size from the header.</summary>
    public NetworkShape Shape { get; }

    /// <summary>Every tensor by its TorchSharp parameter name (like <c>_embed.0.weight</c>).</summary>
    public IReadOnlyDictionary<string, ModelTensor> Weights { get; }

    /// <summary>Reads and checks the header; throws <see cref="InvalidDataException"/> for anything but a model file.</summary>
    public static NetworkShape ReadHeader(BinaryReader reader)
    {
        string magic;
        try { magic = reader.ReadString(); }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            throw new InvalidDataException("Not an elim agent model (file too short).");
        }
        if (magic != Magic) throw new InvalidDataException("Not an elim agent model (bad header).");
        try
        {
            int version = reader.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"Agent model format {version} is not supported (expected {FormatVersion}).");
            int hidden = reader.ReadInt32(), rounds = reader.ReadInt32();
            if (hidden is < 1 or > 4096 || rounds is < 0 or > 64) throw new InvalidDataException($"Agent model shape {hidden}×{rounds} is not plausible.");
            return new NetworkShape(hidden, rounds);
        }
        catch (EndOfStreamException) { throw new InvalidDataException("Not an elim agent model (header cut short)."); }
    }

    /// <summary>Reads a whole model from <paramref name="reader"/>; throws <see cref="InvalidDataException"/> for a damaged or foreign file.</summary>
    public static AgentModel Read(BinaryReader reader)
    {
        var shape = ReadHeader(reader);
        try
        {
            long count = reader.Read7BitEncodedInt64();
            if (count is < 0 or > MaxEntries) throw new InvalidDataException($"Agent model: {count} weight tensors is not plausible.");
            var weights = new Dictionary<string, ModelTensor>();
            for (long e = 0; e < count; e++)
            {
                string name = reader.ReadString();
                weights[name] = ReadTensor(reader, name);
            }
            return new AgentModel(shape, weights);
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or OverflowException)
        {
            throw new InvalidDataException($"Agent model: the weights are damaged ({e.Message}).");
        }
    }

    /// <summary>A model of <paramref name="shape"/> with <paramref name="weights"/> (a snapshot of a live network).</summary>
    public static AgentModel FromWeights(NetworkShape shape, IReadOnlyDictionary<string, ModelTensor> weights) => new(shape, weights);

    /// <summary>Loads the model at <paramref name="path"/>.</summary>
    public static AgentModel Load(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        return Read(reader);
    }

    private static ModelTensor ReadTensor(BinaryReader reader, string name)
    {
        long type = reader.Read7BitEncodedInt64();
        if (type != Float32) throw new InvalidDataException($"Agent model: '{name}' has element type {type}, not float32 ({Float32}).");
        long rank = reader.Read7BitEncodedInt64();
        if (rank is < 0 or > 8) throw new InvalidDataException($"Agent model: '{name}' has rank {rank}.");
        var dimensions = new int[rank];
        long elements = 1;
        for (int d = 0; d < rank; d++)
        {
            long size = reader.Read7BitEncodedInt64();
            elements = checked(elements * size);
            if (size < 0 || elements > int.MaxValue / sizeof(float)) throw new InvalidDataException($"Agent model: '{name}' is too large.");
            dimensions[d] = (int)size;
        }
        byte[] bytes = reader.ReadBytes((int)elements * sizeof(float));
        if (bytes.Length != elements * sizeof(float)) throw new EndOfStreamException($"'{name}' is cut short");
        var values = new float[elements];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        return new ModelTensor(dimensions, values);
    }
}

/// <summary>One weight tensor of a model: its dimensions and its elements in row-major order.</summary>
/// <param name="Dimensions">The tensor's shape.</param>
/// <param name="Values">The elements.</param>
public sealed record ModelTensor(int[] Dimensions, float[] Values);
