using System.Buffers.Binary;
using System.IO.Compression;

namespace Elim.Search.Exact;

/// <summary>
/// A transposition table as one string of a checkpoint: each entry as its 16-byte key and 8-byte cost (little-endian),
/// gzipped, in base64: a full table (a million entries) takes about 10 MB, against some 50 MB as JSON numbers.
/// </summary>
internal static class PackedTable
{
    private const int EntrySize = 24;

    public static string Pack(IReadOnlyDictionary<UInt128, long> table)
    {
        using var packed = new MemoryStream();
        using (var zip = new GZipStream(packed, CompressionLevel.Fastest))
        {
            Span<byte> entry = stackalloc byte[EntrySize];
            foreach (var (key, cost) in table)
            {
                BinaryPrimitives.WriteUInt128LittleEndian(entry, key);
                BinaryPrimitives.WriteInt64LittleEndian(entry[16..], cost);
                zip.Write(entry);
            }
        }
        return Convert.ToBase64String(packed.ToArray());
    }

    /// <summary>The table in <paramref name="text"/>; throws <see cref="InvalidCheckpointException"/> when it is not one.</summary>
    public static Dictionary<UInt128, long> Unpack(string text)
    {
        byte[] bytes;
        try
        {
            using var zip = new GZipStream(new MemoryStream(Convert.FromBase64String(text)), CompressionMode.Decompress);
            using var raw = new MemoryStream();
            zip.CopyTo(raw);
            bytes = raw.ToArray();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            throw new InvalidCheckpointException($"its transposition table is damaged: {e.Message}");
        }
        if (bytes.Length % EntrySize != 0) throw new InvalidCheckpointException("its transposition table is damaged: it ends inside an entry");
        var table = new Dictionary<UInt128, long>(bytes.Length / EntrySize);
        for (int at = 0; at < bytes.Length; at += EntrySize)
            table[BinaryPrimitives.ReadUInt128LittleEndian(bytes.AsSpan(at))] = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at + 16));
        return table;
    }
}
