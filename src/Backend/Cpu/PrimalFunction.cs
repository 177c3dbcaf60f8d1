using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Elim.Backend.Cpu;
using Elim.Backend.Emit;
using Elim.Graph;

namespace Elim;

/// <summary>
/// A compiled function without derivatives: only the outputs, from the same emitter as the Jacobian
/// (the floor a Jacobian's time is compared with). Thread-safe; calls allocate nothing.
/// </summary>
public sealed unsafe class PrimalFunction
{
    internal PrimalFunction(ComputationalGraph graph, CompiledCode code)
    {
        Name = graph.Name;
        InputCount = graph.InputCount;
        DataCount = graph.DataCount;
        OutputCount = graph.OutputCount;
        Code = code;
    }

    /// <summary>The function's name.</summary>
    public string Name { get; }

    /// <summary>Number of inputs n.</summary>
    public int InputCount { get; }

    /// <summary>Number of data inputs d.</summary>
    public int DataCount { get; }

    /// <summary>Number of outputs m.</summary>
    public int OutputCount { get; }

    /// <summary>The emitted code.</summary>
    public CompiledCode Code { get; }

    /// <summary>Writes the m outputs at the point <paramref name="x"/> (n values). NaN inputs give NaN outputs.</summary>
    /// <exception cref="ArgumentException">A span has the wrong length (or the function has data inputs).</exception>
    public void Evaluate(ReadOnlySpan<double> x, Span<double> outputs) => Evaluate(x, [], outputs);

    /// <summary>Writes the m outputs at the point <paramref name="x"/> with data inputs <paramref name="data"/> (d values).</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> data, Span<double> outputs)
    {
        SpanChecks.Length(Name, x.Length, InputCount, nameof(x));
        SpanChecks.Length(Name, data.Length, DataCount, nameof(data));
        SpanChecks.Length(Name, outputs.Length, OutputCount, nameof(outputs));
        Code.RunPoint(ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(data), ref MemoryMarshal.GetReference(outputs),
            ref Unsafe.NullRef<double>());
    }

    /// <summary>Writes the outputs of <paramref name="count"/> points laid out as <paramref name="layout"/> says.</summary>
    /// <exception cref="ArgumentException">A span has the wrong length (or the function has data inputs).</exception>
    public void EvaluateBatch(ReadOnlySpan<double> x, Span<double> outputs, int count,
        BatchLayout layout = BatchLayout.PerPoint, int threads = 1) =>
        EvaluateBatch(x, [], outputs, count, layout, threads);

    /// <summary>Writes the outputs of <paramref name="count"/> points, each with its data inputs in <paramref name="data"/> (laid out like x).</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void EvaluateBatch(ReadOnlySpan<double> x, ReadOnlySpan<double> data, Span<double> outputs, int count,
        BatchLayout layout = BatchLayout.PerPoint, int threads = 1)
    {
        SpanChecks.Batch(count, threads, layout);
        SpanChecks.Length(Name, x.Length, (long)count * InputCount, nameof(x), count, InputCount);
        SpanChecks.Length(Name, data.Length, (long)count * DataCount, nameof(data), count, DataCount);
        SpanChecks.Length(Name, outputs.Length, (long)count * OutputCount, nameof(outputs), count, OutputCount);
        Code.RunBatch(ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(data), ref MemoryMarshal.GetReference(outputs),
            ref Unsafe.NullRef<double>(), count, layout, threads);
    }

    /// <summary>The emitted program as text (see <see cref="ProgramPrinter"/>).</summary>
    public string Dump() => ProgramPrinter.Print(Code.Program);
}
