using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using Elim.Backend.Program;
using Elim.Backend.Runtime;

namespace Elim.Backend.Emit;

/// <summary>
/// Element access of a batch kernel <c>(double* x, double* data, double* y, double* J, int start, int end, int stride)</c>:
/// per-iteration base pointers for the current point p, addressed by <see cref="BatchLayout"/>, with
/// scalar or vector values. Vector results of the per-point layout are staged lane-major on the stack and
/// written by <see cref="PointScatter"/> at the end of each iteration (up to <see cref="MaxStagedBytes"/>, and not in
/// chunks of a program, which run one after another over the same points; otherwise lane by lane). A
/// <see cref="PointKernel"/>'s access is the scalar per-point access of its one point (<see cref="ForPoint"/>).
/// </summary>
internal sealed class PointerAccess : IElementAccess
{
    /// <summary>
    /// The most stack a kernel stages its results in; larger programs write lane by lane. Staging beat lane-by-lane
    /// stores on Propane and g (perf/results/design-measurements.md); the bound keeps the stack small.
    /// </summary>
    public const int MaxStagedBytes = 32 * 1024;

    /// <summary>
    /// The vectors constant stores may use, widest first: those this processor runs natively, as (doubles, type, the
    /// Create method taking one double per element).
    /// </summary>
    private static readonly (int Lanes, Type Vector, System.Reflection.MethodInfo Create)[] ConstantWidths =
    [
        .. new (bool Native, Type Statics, Type Vector, int Lanes)[]
            {
                (Vector512.IsHardwareAccelerated, typeof(Vector512), typeof(Vector512<double>), 8),
                (Vector256.IsHardwareAccelerated, typeof(Vector256), typeof(Vector256<double>), 4),
                (Vector128.IsHardwareAccelerated, typeof(Vector128), typeof(Vector128<double>), 2),
            }
            .Where(w => w.Native)
            .Select(w => (w.Lanes, w.Vector, w.Statics.GetMethod("Create", Enumerable.Repeat(typeof(double), w.Lanes).ToArray())!)),
    ];

    private static readonly System.Reflection.MethodInfo ScatterMethod = typeof(PointScatter).GetMethod(nameof(PointScatter.Scatter))!;
    private static readonly System.Reflection.MethodInfo FinishStreamsMethod = typeof(PointScatter).GetMethod(nameof(PointScatter.FinishStreams))!;

    private readonly JacobianProgram _program;
    private readonly BatchLayout _layout;
    private readonly VectorMethods? _vector;
    private readonly int _lanes;
    private readonly LocalBuilder _inputBase;
    private readonly LocalBuilder? _dataBase;
    private readonly LocalBuilder _outputBase;
    private readonly LocalBuilder _jacobianBase;
    private readonly LocalBuilder _strideBytes;
    private readonly LocalBuilder? _staged;
    private readonly BounceBuffers? _bounce;
    private readonly LineScatter? _lines;
    private readonly ScatterEmitter? _scatter;

    /// <summary>
    /// Declares the base pointers; <paramref name="whole"/> (a program in one method) allows staging per-point vector
    /// results (<see cref="Stages"/>). For a batch <paramref name="beyondCaches"/>, eight lanes write them as whole cache
    /// lines straight to memory where the destination's <paramref name="lines"/> are known (<see cref="LineScatter"/>);
    /// otherwise such a batch goes through bounce buffers.
    /// </summary>
    public PointerAccess(ILGenerator il, JacobianProgram program, BatchLayout layout, ILaneEmitter lanes, bool whole, bool beyondCaches,
        LineAlignment? lines)
        : this(il, program, layout, lanes, Stages(program, layout, lanes, whole), beyondCaches, typeof(nint), lines) { }

    private PointerAccess(ILGenerator il, JacobianProgram program, BatchLayout layout, ILaneEmitter lanes, bool staging, bool beyondCaches,
        Type baseType, LineAlignment? lines = null)
    {
        _program = program;
        _layout = layout;
        _vector = (lanes as VectorLaneEmitter)?.Methods;
        _lanes = lanes.Lanes;
        _inputBase = il.DeclareLocal(baseType);
        if (program.DataCount > 0) _dataBase = il.DeclareLocal(baseType);
        _outputBase = il.DeclareLocal(baseType);
        _jacobianBase = il.DeclareLocal(baseType);
        _strideBytes = il.DeclareLocal(typeof(nint));
        if (!staging) return;
        _staged = il.DeclareLocal(typeof(nint));
        if (PlannedScatter.Applies(_lanes)) _scatter = new ScatterEmitter(il);
        if (beyondCaches && _scatter is not null && lines is { } alignment) _lines = new LineScatter(_scatter, il, alignment);
        else if (beyondCaches) _bounce = new BounceBuffers(il, program, _lanes, _scatter);
    }

    /// <summary>
    /// Whether the kernel of <paramref name="program"/> stages its results: vector code for the per-point layout in one
    /// method (<paramref name="whole"/>), up to <see cref="MaxStagedBytes"/>. Only such kernels have a variant for batches
    /// beyond the caches.
    /// </summary>
    public static bool Stages(JacobianProgram program, BatchLayout layout, ILaneEmitter lanes, bool whole) =>
        whole && lanes is VectorLaneEmitter && layout == BatchLayout.PerPoint
        && StagedBytes(program, lanes.Lanes) <= MaxStagedBytes;

    /// <summary>
    /// Scalar access of a <see cref="PointKernel"/>: the bases are its reference arguments (managed references, which the
    /// garbage collector follows, not pointers), read once by <see cref="EmitArgumentBases"/>.
    /// </summary>
    public static PointerAccess ForPoint(ILGenerator il, JacobianProgram program) =>
        new(il, program, BatchLayout.PerPoint, ScalarLaneEmitter.Instance, staging: false, beyondCaches: false, typeof(double).MakeByRefType());

    /// <summary>
    /// Whether stores go to the staging area, which keeps its contents between iterations: constant stores
    /// then need emitting only once, before the loop.
    /// </summary>
    public bool StoresPersist => _staged is not null;

    private static int StagedBytes(JacobianProgram program, int lanes) => (program.OutputCount + program.JacobianSize) * lanes * sizeof(double);

    /// <summary>
    /// Once before the loop: the byte distance between rows of a structure-of-arrays batch; with staging, the staging
    /// area, and the bounce buffers of a batch beyond the caches.
    /// </summary>
    public void EmitPrologue(ILGenerator il)
    {
        il.Emit(OpCodes.Ldarg_S, (byte)KernelEmitter.Stride);
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Ldc_I4_8);
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Mul);
        il.Emit(OpCodes.Stloc, _strideBytes);
        if (_staged is null) return;
        EmitAlignedLocalloc(il, StagedBytes(_program, _lanes));
        il.Emit(OpCodes.Stloc, _staged);
        _bounce?.EmitPrologue(il);
    }

    /// <summary>
    /// Pushes <paramref name="bytes"/> of stack aligned to a cache line: the stack's own alignment (16 bytes) varies
    /// from process to process, and vectors straddling two lines made PropaneCombustion's batches of 1,000 points
    /// vary by a fifth between runs.
    /// </summary>
    internal static void EmitAlignedLocalloc(ILGenerator il, int bytes)
    {
        il.Emit(OpCodes.Ldc_I4, bytes + 63);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Localloc);
        il.Emit(OpCodes.Ldc_I4, 63);
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Ldc_I4, -64);
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.And);
    }

    /// <summary>At the end of each iteration: writes the staged results of the vector's points to their places.</summary>
    public void EmitEpilogue(ILGenerator il)
    {
        if (_staged is null) return;
        var stagedAddress = (int entry) => EmitStagedAddress(il, entry);
        if (_lines is { } lines)
        {
            lines.Emit(_program, stagedAddress, 0, _outputBase, _program.OutputCount, lines.Alignment.Outputs);
            lines.Emit(_program, stagedAddress, _program.OutputCount, _jacobianBase, _program.JacobianSize, lines.Alignment.Jacobian);
            return;
        }
        if (_scatter is not null)
        {
            PlannedScatter.Emit(_scatter, il, _program, stagedAddress, 0, _outputBase, _program.OutputCount, _bounce?.Outputs);
            PlannedScatter.Emit(_scatter, il, _program, stagedAddress, _program.OutputCount, _jacobianBase, _program.JacobianSize, _bounce?.Jacobian);
            _bounce?.EmitCopies(il, _outputBase, _jacobianBase);
            return;
        }
        Scatter(0, _outputBase, _program.OutputCount, _bounce?.Outputs);
        Scatter(_program.OutputCount, _jacobianBase, _program.JacobianSize, _bounce?.Jacobian);

        void Scatter(int firstEntry, LocalBuilder destination, int width, LocalBuilder? bounce)
        {
            EmitStagedAddress(il, firstEntry);
            il.Emit(OpCodes.Ldloc, destination);
            il.Emit(OpCodes.Ldc_I4, width);
            il.Emit(OpCodes.Ldc_I4, _lanes);
            if (bounce is null)
            {
                il.Emit(OpCodes.Ldc_I4_0);
                il.Emit(OpCodes.Conv_U);
            }
            else il.Emit(OpCodes.Ldloc, bounce);
            il.Emit(OpCodes.Call, ScatterMethod);
        }
    }

    /// <summary>After the loop: the fence after non-temporal stores (the bounce buffers' copies, or the lines').</summary>
    public void EmitFinish(ILGenerator il)
    {
        if (_bounce is not null || _lines is not null) il.Emit(OpCodes.Call, FinishStreamsMethod);
    }

    /// <summary>At the top of each iteration: base pointers of point <paramref name="point"/>.</summary>
    public void EmitBases(ILGenerator il, LocalBuilder point)
    {
        Base(KernelEmitter.Inputs, _inputBase, _program.InputCount);
        if (_dataBase is not null) Base(KernelEmitter.Data, _dataBase, _program.DataCount);
        Base(KernelEmitter.Outputs, _outputBase, _program.OutputCount);
        Base(KernelEmitter.Jacobian, _jacobianBase, _program.JacobianSize);

        void Base(short argument, LocalBuilder local, int width)
        {
            int pointBytes = _layout == BatchLayout.PerPoint ? width * sizeof(double) : sizeof(double);
            il.Emit(OpCodes.Ldarg, argument);
            il.Emit(OpCodes.Ldloc, point);
            il.Emit(OpCodes.Conv_I);
            il.Emit(OpCodes.Ldc_I4, pointBytes);
            il.Emit(OpCodes.Conv_I);
            il.Emit(OpCodes.Mul);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Stloc, local);
        }
    }

    /// <summary>The bases of a <see cref="PointKernel"/>: its arguments as they are.</summary>
    public void EmitArgumentBases(ILGenerator il)
    {
        Base(KernelEmitter.Inputs, _inputBase);
        if (_dataBase is not null) Base(KernelEmitter.Data, _dataBase);
        Base(KernelEmitter.Outputs, _outputBase);
        Base(KernelEmitter.Jacobian, _jacobianBase);

        void Base(short argument, LocalBuilder local)
        {
            il.Emit(OpCodes.Ldarg, argument);
            il.Emit(OpCodes.Stloc, local);
        }
    }

    public void EmitLoadInput(ILGenerator il, int input) => EmitLoad(il, _inputBase, input, _program.InputCount);

    public void EmitLoadData(ILGenerator il, int index) => EmitLoad(il, _dataBase!, index, _program.DataCount);

    /// <summary>Pushes element <paramref name="element"/> of the current point(s) of rows <paramref name="width"/> wide at <paramref name="local"/>.</summary>
    private void EmitLoad(ILGenerator il, LocalBuilder local, int element, int width)
    {
        if (_layout == BatchLayout.StructureOfArrays)
        {
            EmitRowAddress(il, local, element);
            if (_vector is not null) EmitVectorLoad(il);
            else il.Emit(OpCodes.Ldind_R8);
            return;
        }
        if (_vector is null)
        {
            EmitLaneAddress(il, local, element, 0, 0);
            il.Emit(OpCodes.Ldind_R8);
            return;
        }
        for (int lane = 0; lane < _lanes; lane++)
        {
            EmitLaneAddress(il, local, element, lane, width);
            il.Emit(OpCodes.Ldind_R8);
        }
        il.Emit(OpCodes.Call, _vector.FromLanes);
    }

    public void EmitStore(ILGenerator il, StoreTarget target, int index, Action pushValue)
    {
        var (local, width) = target == StoreTarget.Output
            ? (_outputBase, _program.OutputCount)
            : (_jacobianBase, _program.JacobianSize);
        if (_vector is null)
        {
            if (_layout == BatchLayout.StructureOfArrays) EmitRowAddress(il, local, index);
            else EmitLaneAddress(il, local, index, 0, 0);
            pushValue();
            il.Emit(OpCodes.Stind_R8);
        }
        else if (_layout == BatchLayout.StructureOfArrays)
        {
            EmitRowAddress(il, local, index);
            pushValue();
            EmitVectorStore(il);
        }
        else if (_staged is not null)
        {
            EmitStagedAddress(il, (target == StoreTarget.Output ? 0 : _program.OutputCount) + index);
            pushValue();
            EmitVectorStore(il);
        }
        else
        {
            pushValue();
            EmitLaneAddress(il, local, index, 0, 0);
            il.Emit(OpCodes.Ldc_I4, width);
            il.Emit(OpCodes.Call, _vector.StoreLanes);
        }
    }

    /// <summary>
    /// The scalar per-point kernel's slots of a point are contiguous: constants go out eight, four or two at a time as one
    /// vector constant, which the JIT folds into a single load from its data section.
    /// </summary>
    public int EmitConstantBlock(ILGenerator il, StoreTarget target, int index, IReadOnlyList<double> values)
    {
        if (_vector is not null || _layout != BatchLayout.PerPoint) return 0;
        var local = target == StoreTarget.Output ? _outputBase : _jacobianBase;
        int written = 0;
        foreach (var (lanes, vector, create) in ConstantWidths)
        {
            for (; values.Count - written >= lanes; written += lanes)
            {
                EmitLaneAddress(il, local, index + written, 0, 0);
                for (int k = 0; k < lanes; k++) il.Emit(OpCodes.Ldc_R8, values[written + k]);
                il.Emit(OpCodes.Call, create);
                il.Emit(OpCodes.Unaligned, (byte)1);
                il.Emit(OpCodes.Stobj, vector);
            }
        }
        return written;
    }

    // Vector loads and stores as the IL instructions ldobj/stobj (unaligned: rows and the staging area are not
    // vector-aligned), not calls of the generic Vector512.Load/Store: every such call is a small method the JIT must
    // inline, and in g's kernel its inlining budget ran out, leaving 78 stores as calls.
    private void EmitVectorLoad(ILGenerator il)
    {
        il.Emit(OpCodes.Unaligned, (byte)1);
        il.Emit(OpCodes.Ldobj, _vector!.Vector);
    }

    /// <summary>Stores the vector on the stack at the address below it.</summary>
    private void EmitVectorStore(ILGenerator il)
    {
        il.Emit(OpCodes.Unaligned, (byte)1);
        il.Emit(OpCodes.Stobj, _vector!.Vector);
    }

    /// <summary>Staging: entry k of the vector's points at staged + 8·lanes·k bytes.</summary>
    private void EmitStagedAddress(ILGenerator il, int entry)
    {
        il.Emit(OpCodes.Ldloc, _staged!);
        if (entry == 0) return;
        il.Emit(OpCodes.Ldc_I4, entry * _lanes * sizeof(double));
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Add);
    }

    /// <summary>Structure of arrays: base + row·stride bytes.</summary>
    private void EmitRowAddress(ILGenerator il, LocalBuilder local, int row)
    {
        il.Emit(OpCodes.Ldloc, local);
        if (row == 0) return;
        il.Emit(OpCodes.Ldloc, _strideBytes);
        il.Emit(OpCodes.Ldc_I4, row);
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Mul);
        il.Emit(OpCodes.Add);
    }

    /// <summary>Per point: base + (lane·width + element)·8 bytes.</summary>
    private static void EmitLaneAddress(ILGenerator il, LocalBuilder local, int element, int lane, int width)
    {
        il.Emit(OpCodes.Ldloc, local);
        int offset = (lane * width + element) * sizeof(double);
        if (offset == 0) return;
        il.Emit(OpCodes.Ldc_I4, offset);
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Add);
    }
}
