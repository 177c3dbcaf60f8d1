using Elim.Backend.Emit;
using Elim.Graph;

namespace Elim.Backend.Cpu;

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
        OutputCount = graph.OutputCount;
        Code = code;
    }

    /// <summary>The function's name.</summary>
    public string Name { get; }

    /// <summary>Number of inputs n.</summary>
    public int InputCount { get; }

    /// <summary>Number of outputs m.</summary>
    public int OutputCount { get; }

    /// <summary>The emitted code.</summary>
    public CompiledCode Code { get; }

    /// <summary>Writes the m outputs at the point <paramref name="x"/> (n values). NaN inputs give NaN outputs.</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Evaluate(ReadOnlySpan<double> x, Span<double> outputs)
    {
        SpanChecks.Length(Name, x.Length, InputCount, "one value per input", nameof(x));
        SpanChecks.Length(Name, outputs.Length, OutputCount, "one value per output", nameof(outputs));
        fixed (double* px = x, py = outputs) Code.RunPoint(px, py, null);
    }

    /// <summary>Writes the outputs of <paramref name="count"/> points laid out as <paramref name="layout"/> says.</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void EvaluateBatch(ReadOnlySpan<double> x, Span<double> outputs, int count,
        BatchLayout layout = BatchLayout.PerPoint, int threads = 1)
    {
        SpanChecks.Count(count, threads);
        SpanChecks.Length(Name, x.Length, (long)count * InputCount, $"{count} points × {InputCount} inputs", nameof(x));
        SpanChecks.Length(Name, outputs.Length, (long)count * OutputCount, $"{count} points × {OutputCount} outputs", nameof(outputs));
        fixed (double* px = x, py = outputs) Code.RunBatch(px, py, null, count, layout, threads);
    }

    /// <summary>The emitted program as text (see <see cref="ProgramPrinter"/>).</summary>
    public string Dump() => ProgramPrinter.Print(Code.Program);
}
