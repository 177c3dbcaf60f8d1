using System.Runtime.InteropServices;
using System.Text.Json;

namespace Elim.GradBench;

/// <summary>
/// ba's Jacobian in compressed sparse rows, as GradBench's C++ tools build it: <see cref="RowStarts"/> has
/// 3p + 1 entries, <see cref="Columns"/> and <see cref="Values"/> 31p (30 per observation, then one per weight).
/// The C++ tools build a fresh matrix in every run (std::vector storage from malloc); so does this tool, with the
/// same allocator (native memory from malloc), so that both pay the same price for fresh pages. The arrays are
/// not cleared: the assembly writes every entry.
/// </summary>
internal sealed unsafe class SparseJacobian : IDisposable
{
    /// <summary>Entries GradBench's output keeps from the front of each list (the last entry is added).</summary>
    private const int SentEntries = 30;

    private readonly int _rows, _entries;
    private int* _rowStarts, _columns;
    private double* _values;

    public SparseJacobian(int observations)
    {
        _rows = 3 * observations;
        _entries = 31 * observations;
        _rowStarts = (int*)NativeMemory.Alloc((nuint)(_rows + 1), sizeof(int));
        _columns = (int*)NativeMemory.Alloc((nuint)_entries, sizeof(int));
        _values = (double*)NativeMemory.Alloc((nuint)_entries, sizeof(double));
        _rowStarts[0] = 0;
    }

    public Span<int> RowStarts => new(_rowStarts, _rows + 1);
    public Span<int> Columns => new(_columns, _entries);
    public Span<double> Values => new(_values, _entries);

    /// <summary>GradBench's output: the first 30 and the last entry of each list (rows, cols, vals).</summary>
    public void WriteCompressed(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartArray("rows");
        foreach (var i in SentIndices(_rows + 1)) w.WriteNumberValue(_rowStarts[i]);
        w.WriteEndArray();
        w.WriteStartArray("cols");
        foreach (var i in SentIndices(_entries)) w.WriteNumberValue(_columns[i]);
        w.WriteEndArray();
        w.WriteStartArray("vals");
        foreach (var i in SentIndices(_entries)) w.WriteNumberValue(_values[i]);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public void Dispose()
    {
        NativeMemory.Free(_rowStarts);
        NativeMemory.Free(_columns);
        NativeMemory.Free(_values);
        _rowStarts = _columns = null;
        _values = null;
    }

    private static IEnumerable<int> SentIndices(int length) =>
        length > SentEntries + 1 ? Enumerable.Range(0, SentEntries).Append(length - 1) : Enumerable.Range(0, length);
}
