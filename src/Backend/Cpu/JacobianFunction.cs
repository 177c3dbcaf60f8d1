using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Elim.Backend.Cpu;
using Elim.Backend.Emit;
using Elim.Graph;

namespace Elim;

/// <summary>
/// A compiled Jacobian: outputs and the dense Jacobian (row per output, column per input) of one function,
/// by the elimination order it was compiled with. Thread-safe; single-point and batched calls allocate
/// nothing. NaN inputs give NaN outputs and NaN (or, through folded constant zeros, 0) Jacobian entries.
/// </summary>
public sealed unsafe class JacobianFunction
{
    private readonly Lazy<PrimalFunction> _primal;

    internal JacobianFunction(ComputationalGraph graph, EliminationOrder order, string orderOrigin, CompiledCode code, Func<PrimalFunction> primal)
    {
        Graph = graph;
        Order = order;
        OrderOrigin = orderOrigin;
        Code = code;
        _primal = new Lazy<PrimalFunction>(primal);
        // Read by every call's checks: fields, not the graph's interface-typed lists (perf/results/design-measurements.md).
        Name = graph.Name;
        InputCount = graph.InputCount;
        DataCount = graph.DataCount;
        OutputCount = graph.OutputCount;
        OutputNames = Array.AsReadOnly(graph.Outputs.Select(o => o.Name).ToArray());
    }

    /// <summary>The graph this function was compiled from.</summary>
    public ComputationalGraph Graph { get; }

    /// <summary>The function's name.</summary>
    public string Name { get; }

    /// <summary>Input names, in argument order (arrays scalarized: <c>v[0]</c>, <c>v[1]</c>, …).</summary>
    public IReadOnlyList<string> InputNames => Graph.InputNames;

    /// <summary>Output names; row i of the Jacobian is output i.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Number of inputs n.</summary>
    public int InputCount { get; }

    /// <summary>Data input names, in argument order: values read at run time that have no Jacobian column.</summary>
    public IReadOnlyList<string> DataNames => Graph.DataNames;

    /// <summary>Number of data inputs d (0 for most functions).</summary>
    public int DataCount { get; }

    /// <summary>Number of outputs m.</summary>
    public int OutputCount { get; }

    /// <summary>The elimination order the code follows.</summary>
    public EliminationOrder Order { get; }

    /// <summary>
    /// Where <see cref="Order"/> came from, as <c>elim eval</c> prints it: the method that made it (<c>reverse (the cheapest
    /// of markowitz, reverse and forward; nothing stored)</c>, <c>stored anneal</c>, <c>markowitz</c>; from an order file,
    /// the method it records, or <c>file</c> where it records none) or <c>explicit</c> for an order passed in.
    /// </summary>
    public string OrderOrigin { get; }

    /// <summary>The order's Markowitz cost: multiplications counted as in the paper.</summary>
    public long MarkowitzCost => Code.Program.MarkowitzCost;

    /// <summary>Multiplications the emitted elimination code really performs (±1 factors and folded constants are free).</summary>
    public int EmittedCost => Code.Program.EmittedCost;

    /// <summary>The emitted code; functions of the same shape, order and options share one instance.</summary>
    public CompiledCode Code { get; }

    /// <summary>The outputs alone, compiled on first use.</summary>
    public PrimalFunction Primal => _primal.Value;

    /// <summary>
    /// Compiles the machine code of <see cref="Evaluate(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Span{double})"/>
    /// now instead of at the first call (which then runs at full speed); a big program, cut into many methods, reports
    /// them to <paramref name="progress"/> as the JIT finishes them (10⁵-vertex graphs take seconds).
    /// </summary>
    public void Prepare(IProgress<CompileProgress>? progress = null) => Code.PreparePoint(progress);

    /// <summary>
    /// Writes the m outputs and the m×n Jacobian (row-major: <c>jacobian[o·n + i]</c> = ∂y_o/∂x_i) at <paramref name="x"/>,
    /// for a function without data inputs.
    /// </summary>
    /// <exception cref="ArgumentException">A span has the wrong length (or the function has data inputs).</exception>
    public void Evaluate(ReadOnlySpan<double> x, Span<double> outputs, Span<double> jacobian) => Evaluate(x, [], outputs, jacobian);

    /// <summary>
    /// Writes the m outputs and the m×n Jacobian at <paramref name="x"/> with the d data inputs <paramref name="data"/>
    /// (which change the values but have no Jacobian columns).
    /// </summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> data, Span<double> outputs, Span<double> jacobian)
    {
        SpanChecks.Length(Name, x.Length, InputCount, nameof(x));
        SpanChecks.Length(Name, data.Length, DataCount, nameof(data));
        SpanChecks.Length(Name, outputs.Length, OutputCount, nameof(outputs));
        SpanChecks.Length(Name, jacobian.Length, (long)OutputCount * InputCount, nameof(jacobian));
        Code.RunPoint(ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(data), ref MemoryMarshal.GetReference(outputs),
            ref MemoryMarshal.GetReference(jacobian));
    }

    /// <summary>The Jacobian at <paramref name="x"/> as a new m×n array (convenience; allocates).</summary>
    public double[,] Jacobian(ReadOnlySpan<double> x) => Jacobian(x, []);

    /// <summary>The Jacobian at <paramref name="x"/> with data inputs <paramref name="data"/> as a new m×n array (convenience; allocates).</summary>
    public double[,] Jacobian(ReadOnlySpan<double> x, ReadOnlySpan<double> data)
    {
        var outputs = new double[OutputCount];
        var flat = new double[OutputCount * InputCount];
        Evaluate(x, data, outputs, flat);
        var jacobian = new double[OutputCount, InputCount];
        Buffer.BlockCopy(flat, 0, jacobian, 0, flat.Length * sizeof(double));
        return jacobian;
    }

    /// <summary>
    /// Evaluates <paramref name="count"/> points laid out as <paramref name="layout"/> describes (x: N×n or n×N,
    /// outputs: N×m or m×N, jacobians: N×m×n or (m·n)×N), eight (AVX-512) or four points per SIMD vector, on up to
    /// <paramref name="threads"/> threads, for a function without data inputs.
    /// </summary>
    /// <exception cref="ArgumentException">A span has the wrong length (or the function has data inputs).</exception>
    public void EvaluateBatch(ReadOnlySpan<double> x, Span<double> outputs, Span<double> jacobians, int count,
        BatchLayout layout = BatchLayout.PerPoint, int threads = 1) =>
        EvaluateBatch(x, [], outputs, jacobians, count, layout, threads);

    /// <summary>
    /// Evaluates <paramref name="count"/> points as <see cref="EvaluateBatch(ReadOnlySpan{double}, Span{double}, Span{double}, int, BatchLayout, int)"/>
    /// does, each with its own data inputs in <paramref name="data"/>, laid out like x (N×d or d×N).
    /// </summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void EvaluateBatch(ReadOnlySpan<double> x, ReadOnlySpan<double> data, Span<double> outputs, Span<double> jacobians, int count,
        BatchLayout layout = BatchLayout.PerPoint, int threads = 1)
    {
        SpanChecks.Batch(count, threads, layout);
        SpanChecks.Length(Name, x.Length, (long)count * InputCount, nameof(x), count, InputCount);
        SpanChecks.Length(Name, data.Length, (long)count * DataCount, nameof(data), count, DataCount);
        SpanChecks.Length(Name, outputs.Length, (long)count * OutputCount, nameof(outputs), count, OutputCount);
        SpanChecks.Length(Name, jacobians.Length, (long)count * OutputCount * InputCount, nameof(jacobians), count, OutputCount * InputCount);
        Code.RunBatch(ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(data), ref MemoryMarshal.GetReference(outputs),
            ref MemoryMarshal.GetReference(jacobians), count, layout, threads);
    }

    /// <summary>The emitted program as text (see <see cref="ProgramPrinter"/>).</summary>
    public string Dump() => ProgramPrinter.Print(Code.Program);
}
