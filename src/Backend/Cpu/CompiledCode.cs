using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using Elim.Backend.Emit;
using Elim.Backend.Program;
using Elim.Backend.Runtime;

namespace Elim.Backend.Cpu;

/// <summary>
/// The machine code of one program: scalar and vector batch kernels for both layouts (and variants of the per-point
/// vector kernel for batches beyond the caches: one for each place of the destination in its cache lines where the
/// kernel writes whole lines), each emitted on first use as dynamic methods (freed when no longer
/// referenced), then compiled by the JIT on its first call: one method, or one per chunk of a big program
/// (<see cref="KernelEmitter"/>). Thread-safe.
/// </summary>
public sealed unsafe class CompiledCode
{
    private readonly string _name;
    // Slots: layout × vector × beyond the caches, then the kernels beyond the caches writing whole lines, by alignment.
    private const int Slots = 8 + LineAlignment.Count;
    private readonly EmittedKernel?[] _emitted = new EmittedKernel?[Slots];  // each emitted once, under the lock of _kernels
    private readonly BatchKernel?[] _kernels = new BatchKernel?[Slots];       // each made once, under the lock of this array
    private PointKernel? _pointKernel; // once made
    private readonly Lazy<bool> _hasBeyondCachesVariant; // whether big per-point batches get a vector kernel of their own

    /// <summary>
    /// Prepares the kernels of <paramref name="program"/>; <paramref name="name"/> names their types; the vector
    /// kernels use <paramref name="lanes"/> (default: <see cref="VectorLaneEmitter.Widest"/>).
    /// </summary>
    public CompiledCode(JacobianProgram program, string name, VectorLaneEmitter? lanes = null)
    {
        Program = program;
        Vector = lanes ?? VectorLaneEmitter.Widest;
        _name = name;
        _hasBeyondCachesVariant = new(() => KernelEmitter.HasBeyondCachesVariant(Program, BatchLayout.PerPoint, Vector));
    }

    /// <summary>The program the kernels run.</summary>
    public JacobianProgram Program { get; }

    /// <summary>The vector kernels' lanes (four or eight points per step).</summary>
    public VectorLaneEmitter Vector { get; }

    /// <summary>
    /// The emitted methods of the kernel for <paramref name="layout"/>, scalar or vector (emitted now if they
    /// were not yet): one <see cref="BatchKernel"/>, or a <see cref="ChunkKernel"/> per chunk in order.
    /// </summary>
    public IReadOnlyList<MethodInfo> Methods(BatchLayout layout, bool vector) => Emitted(layout, vector, false, null, progress: null).Methods;

    /// <summary>
    /// Evaluates one point: the values from <paramref name="x"/> on must cover the program's sizes (<paramref name="data"/>
    /// may be a null reference without data inputs, <paramref name="jacobian"/> for a program without one).
    /// </summary>
    internal void RunPoint(ref double x, ref double data, ref double y, ref double jacobian) =>
        (_pointKernel ??= PointKernel(progress: null))(ref x, ref data, ref y, ref jacobian);

    /// <summary>
    /// Compiles the single-point code now rather than at the first call; a program cut into chunks reports its methods
    /// to <paramref name="progress"/> as the JIT finishes them.
    /// </summary>
    public void PreparePoint(IProgress<CompileProgress>? progress) => _pointKernel ??= PointKernel(progress);

    /// <summary>
    /// A kernel of its own for a single point (without the batch loop, its index arithmetic and the pinning of pointers:
    /// perf/results/design-measurements.md), unless the program is cut into chunks: then a batch of one.
    /// </summary>
    private PointKernel PointKernel(IProgress<CompileProgress>? progress)
    {
        if (KernelEmitter.Chunks(Program, ScalarLaneEmitter.Instance).IsWhole)
            return KernelEmitter.CreateDelegate<PointKernel>(KernelEmitter.DefinePoint($"{_name}Point", Program));
        var batch = Kernel(BatchLayout.PerPoint, false, false, null, progress);
        return (ref double x, ref double data, ref double y, ref double jacobian) =>
        {
            fixed (double* px = &x, pd = &data, py = &y, pj = &jacobian) batch(px, pd, py, pj, 0, 1, 1);
        };
    }

    /// <summary>
    /// Evaluates <paramref name="count"/> points with the given layout on up to <paramref name="threads"/> threads,
    /// <see cref="Vector"/>'s lanes at a time and the remainder with the scalar kernel; structure-of-arrays rows
    /// that would crowd the cache go through <see cref="SoaTiles"/>. <paramref name="data"/> is laid out like
    /// <paramref name="x"/> (a null reference without data inputs, as <paramref name="jacobian"/> for a program without
    /// one). One point is laid out alike in both layouts: it runs the
    /// single-point kernel, on the references as they are (pinning them cost a batch of one point 9 ns;
    /// perf/results/design-measurements.md).
    /// </summary>
    internal void RunBatch(ref double x, ref double data, ref double y, ref double jacobian, int count, BatchLayout layout, int threads)
    {
        if (count == 1) RunPoint(ref x, ref data, ref y, ref jacobian);
        else RunPinned(ref x, ref data, ref y, ref jacobian, count, layout, threads);
    }

    private void RunPinned(ref double x, ref double data, ref double y, ref double jacobian, int count, BatchLayout layout, int threads)
    {
        fixed (double* px = &x, pd = &data, py = &y, pj = &jacobian) RunPoints(px, pd, py, pj, count, layout, threads);
    }

    private void RunPoints(double* x, double* data, double* y, double* jacobian, int count, BatchLayout layout, int threads)
    {
        bool beyondCaches = layout == BatchLayout.PerPoint && PointScatter.BeyondCaches(count, Program.OutputCount + Program.JacobianSize)
            && _hasBeyondCachesVariant.Value;
        var lines = beyondCaches && PlannedScatter.Applies(Vector.Lanes) ? LineAlignment.Of(y, jacobian) : null;
        var (vector, scalar) = (Kernel(layout, true, beyondCaches, lines), Kernel(layout, false, false, null));
        int lanes = Vector.Lanes;
        // In long: count + threads - 1 passes int's range for a huge thread count.
        long perThread = ((long)count + threads - 1) / Math.Max(threads, 1);
        int chunk = (int)Math.Min(count, (perThread + lanes - 1) / lanes * lanes);
        bool tiles = layout == BatchLayout.StructureOfArrays
            && SoaTiles.Needed(Program.InputCount + Program.DataCount + Program.OutputCount + Program.JacobianSize, count);
        if (threads <= 1 || chunk >= count) RunRange(vector, scalar, tiles, x, data, y, jacobian, 0, count, count);
        else RunInParallel(vector, scalar, tiles, x, data, y, jacobian, count, chunk, threads);
    }

    // A method of its own: the lambda's closure would otherwise be allocated on every call of RunPoints
    // (perf/results/design-measurements.md).
    private void RunInParallel(BatchKernel vector, BatchKernel scalar, bool tiles, double* x, double* data, double* y, double* jacobian,
        int count, int chunk, int threads)
    {
        nint xs = (nint)x, ds = (nint)data, ys = (nint)y, js = (nint)jacobian;
        int chunks = (count + chunk - 1) / chunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
            RunRange(vector, scalar, tiles, (double*)xs, (double*)ds, (double*)ys, (double*)js, c * chunk, Math.Min(count, (c + 1) * chunk), count));
    }

    private void RunRange(BatchKernel vector, BatchKernel scalar, bool tiles, double* x, double* data, double* y, double* jacobian,
        int start, int end, int stride)
    {
        if (tiles) SoaTiles.Run(Program, vector, scalar, Vector.Lanes, x, data, y, jacobian, start, end, stride);
        else BatchKernels.RunPoints(vector, scalar, Vector.Lanes, x, data, y, jacobian, start, end, stride);
    }

    private BatchKernel Kernel(BatchLayout layout, bool vector, bool beyondCaches, LineAlignment? lines,
        IProgress<CompileProgress>? progress = null)
    {
        int slot = Slot(layout, vector, beyondCaches, lines);
        if (Volatile.Read(ref _kernels[slot]) is { } made) return made;
        lock (_kernels) return _kernels[slot] ??= Emitted(layout, vector, beyondCaches, lines, progress).Delegate(Lanes(vector).Lanes, progress);
    }

    private EmittedKernel Emitted(BatchLayout layout, bool vector, bool beyondCaches, LineAlignment? lines, IProgress<CompileProgress>? progress)
    {
        lock (_kernels) return _emitted[Slot(layout, vector, beyondCaches, lines)] ??= Emit(layout, vector, beyondCaches, lines, progress);
    }

    private static int Slot(BatchLayout layout, bool vector, bool beyondCaches, LineAlignment? lines) =>
        lines is { } aligned ? 8 + aligned.Index : (int)layout * 4 + (vector ? 2 : 0) + (beyondCaches ? 1 : 0);

    private ILaneEmitter Lanes(bool vector) => vector ? Vector : ScalarLaneEmitter.Instance;

    private EmittedKernel Emit(BatchLayout layout, bool vector, bool beyondCaches, LineAlignment? lines, IProgress<CompileProgress>? progress)
    {
        var lanes = Lanes(vector);
        var chunks = KernelEmitter.Chunks(Program, lanes);
        string name = $"{_name}{(vector ? "Vector" : "Scalar")}{layout}{(beyondCaches ? "BeyondCaches" : "")}"
            + (lines is { } line ? $"Lines{line.Outputs}{line.Jacobian}" : "");
        var methods = KernelEmitter.Define(name, Program, chunks, layout, lanes, beyondCaches, lines, progress);
        return new EmittedKernel(methods, chunks.IsWhole ? null : chunks.ScratchSlots);
    }

    /// <summary>A kernel's methods: one <see cref="BatchKernel"/>, or chunks passing values through this many scratch slots.</summary>
    private sealed record EmittedKernel(DynamicMethod[] Methods, int? ScratchSlots)
    {
        public BatchKernel Delegate(int lanes, IProgress<CompileProgress>? progress)
        {
            if (ScratchSlots is not { } slots) return KernelEmitter.CreateDelegate<BatchKernel>(Methods[0]);
            var chunks = Array.ConvertAll(Methods, KernelEmitter.CreateDelegate<ChunkKernel>);
            CompileInParallel(chunks, progress);
            return new ChunkedKernel(chunks, slots, lanes, Methods.Sum(method => (long)method.GetILGenerator().ILOffset)).Run;
        }

        /// <summary>
        /// The JIT compiles a dynamic method at its first call, and a call over no points runs nothing else: a big
        /// program's chunks are compiled here on every core, not one after another on the first call's thread, and
        /// about a hundred times along the way <paramref name="progress"/> hears how many are done.
        /// </summary>
        private static void CompileInParallel(ChunkKernel[] chunks, IProgress<CompileProgress>? progress)
        {
            int done = 0;
            Parallel.ForEach(chunks, chunk =>
            {
                chunk(null, null, null, null, 0, 0, 0, null);
                CompileProgress.Report(progress, CompileProgress.Compiling, Interlocked.Increment(ref done), chunks.Length);
            });
        }
    }
}
