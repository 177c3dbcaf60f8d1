using System.Reflection;
using System.Reflection.Emit;
using Elim.Backend.Program;
using Elim.Backend.Runtime;

namespace Elim.Backend.Emit;

/// <summary>
/// Emits the batch kernel of a program: a loop over points whose body is the program's straight-line code, as dynamic
/// methods, whose calls cost little to emit (a method of a type built by Reflection.Emit makes a metadata reference
/// per call of another assembly's method, seconds for a big program: perf/results/design-measurements.md). A program too big for one optimised method is emitted as one <see cref="ChunkKernel"/> per chunk
/// (<see cref="ProgramChunks"/>), each looping over the same points, which <see cref="ChunkedKernel"/> runs in turn.
/// </summary>
internal static class KernelEmitter
{
    /// <summary>
    /// Argument positions of a kernel method: after the object its delegate is bound to (<see cref="CreateDelegate"/>),
    /// those of a <see cref="BatchKernel"/>, and the scratch of a <see cref="ChunkKernel"/>.
    /// </summary>
    internal const short Inputs = 1, Data = 2, Outputs = 3, Jacobian = 4, Start = 5, End = 6, Stride = 7, Scratch = 8;

    /// <summary>The parameter types of a kernel method of a <see cref="BatchKernel"/>.</summary>
    private static readonly Type[] Parameters =
        [typeof(object), typeof(double*), typeof(double*), typeof(double*), typeof(double*), typeof(int), typeof(int), typeof(int)];

    private static readonly string[] ParameterNames = ["bound", "x", "data", "y", "jacobian", "start", "end", "stride", "scratch"];

    /// <summary>What kernel delegates are bound to: nothing reads it.</summary>
    private static readonly object Bound = new();

    /// <summary>
    /// A delegate of type <typeparamref name="T"/> calling kernel method <paramref name="method"/>. Bound to an object (the
    /// method's first parameter): a delegate of a static method is called through a thunk that shifts every argument by
    /// one place, a third of an empty kernel call's time, which a single point pays in full
    /// (perf/results/design-measurements.md).
    /// </summary>
    public static T CreateDelegate<T>(DynamicMethod method) where T : Delegate => (T)method.CreateDelegate(typeof(T), Bound);

    /// <summary>How <paramref name="program"/> is cut for kernels of <paramref name="lanes"/>.</summary>
    public static ProgramChunks Chunks(JacobianProgram program, ILaneEmitter lanes) => ProgramChunks.Split(program, lanes.EstimatedSize);

    /// <summary>
    /// Whether the kernel of <paramref name="program"/> for <paramref name="layout"/> and <paramref name="lanes"/> has a
    /// variant for batches beyond the caches: it stages its results (<see cref="PointerAccess.Stages"/>), which a
    /// program cut into chunks does not (cut only when staging's size allows: a big program is not cut for nothing).
    /// </summary>
    public static bool HasBeyondCachesVariant(JacobianProgram program, BatchLayout layout, ILaneEmitter lanes) =>
        PointerAccess.Stages(program, layout, lanes, whole: true) && Chunks(program, lanes).IsWhole;

    /// <summary>
    /// The kernel called <paramref name="name"/>: one <see cref="BatchKernel"/> when <paramref name="chunks"/> is whole, else
    /// the chunks' <see cref="ChunkKernel"/>s in order; <paramref name="lanes"/> picks scalar or vector code, whose loop
    /// steps by its number of lanes (the caller runs the remainder with a scalar kernel); <paramref name="beyondCaches"/>
    /// the variant for batches whose results outgrow the caches (<see cref="PointScatter.BeyondCaches"/>), which an eight-lane
    /// kernel writes as whole cache lines of a destination aligned as <paramref name="lines"/> says (<see cref="LineScatter"/>).
    /// The chunks are reported to <paramref name="progress"/> as they are emitted.
    /// </summary>
    public static DynamicMethod[] Define(string name, JacobianProgram program, ProgramChunks chunks, BatchLayout layout, ILaneEmitter lanes,
        bool beyondCaches = false, LineAlignment? lines = null, IProgress<CompileProgress>? progress = null)
    {
        if (chunks.IsWhole) return [DefineLoop(name, program, chunks, 0, layout, lanes, beyondCaches, lines)];
        var methods = new DynamicMethod[chunks.Chunks.Count];
        for (int c = 0; c < methods.Length; c++)
        {
            methods[c] = DefineLoop($"{name}_{c}", program, chunks, c, layout, lanes, beyondCaches, lines: null);
            CompileProgress.Report(progress, CompileProgress.Emitting, c + 1, methods.Length);
        }
        return methods;
    }

    /// <summary>
    /// The <see cref="PointKernel"/> called <paramref name="name"/> of a program that is one chunk for scalar code: its
    /// straight-line code once, on its reference arguments (argument positions as a <see cref="BatchKernel"/>'s).
    /// </summary>
    public static DynamicMethod DefinePoint(string name, JacobianProgram program)
    {
        var reference = typeof(double).MakeByRefType();
        Type[] parameters = [typeof(object), reference, reference, reference, reference];
        var method = NewMethod(name, parameters);
        var il = method.GetILGenerator();
        var access = PointerAccess.ForPoint(il, program);
        access.EmitArgumentBases(il);
        BodyEmitter.EmitChunk(il, program, ProgramChunks.Whole(program), 0, ScalarLaneEmitter.Instance, access, scratch: null,
            constantStores: true, groupLanes: true);
        il.Emit(OpCodes.Ret);
        return method;
    }

    /// <summary>
    /// A method looping over points [start, end) by the lanes, whose body is chunk <paramref name="chunk"/>; a whole program
    /// stages per-point vector results (see <see cref="PointerAccess"/>), a chunk reads and writes scratch instead. A
    /// chunk of scalar code runs point <c>start</c> alone, without the loop (<see cref="ChunkedKernel"/> calls it per
    /// point): the JIT compiles a body outside a loop faster (perf/results/design-measurements.md), and a big program's
    /// first single point waits for that.
    /// </summary>
    private static DynamicMethod DefineLoop(string name, JacobianProgram program, ProgramChunks chunks, int chunk, BatchLayout layout,
        ILaneEmitter lanes, bool beyondCaches, LineAlignment? lines)
    {
        Type[] parameters = chunks.IsWhole ? Parameters : [.. Parameters, typeof(double*)];
        var method = NewMethod(name, parameters);
        var il = method.GetILGenerator();
        var access = new PointerAccess(il, program, layout, lanes, whole: chunks.IsWhole, beyondCaches, lines);
        var point = il.DeclareLocal(typeof(int));
        var body = il.DefineLabel();
        var check = il.DefineLabel();
        var finish = il.DefineLabel();
        bool onePoint = !chunks.IsWhole && ChunkedKernel.RunsOnePointPerCall(lanes.Lanes);

        access.EmitPrologue(il);
        var scratch = chunks.IsWhole ? null : PointerScratch.Declare(il, Scratch, lanes);
        if (access.StoresPersist) BodyEmitter.EmitConstantStores(il, program, lanes, access);
        il.Emit(OpCodes.Ldarg_S, (byte)Start);
        il.Emit(OpCodes.Stloc, point);
        if (onePoint)
        {
            // A call over no points (start = end) runs nothing: CompiledCode calls each chunk so to have it compiled.
            il.Emit(OpCodes.Ldloc, point);
            il.Emit(OpCodes.Ldarg_S, (byte)End);
            il.Emit(OpCodes.Bge, finish);
        }
        else il.Emit(OpCodes.Br, check);
        il.MarkLabel(body);
        access.EmitBases(il, point);
        BodyEmitter.EmitChunk(il, program, chunks, chunk, lanes, access, scratch, constantStores: !access.StoresPersist && chunk == 0, groupLanes: true);
        access.EmitEpilogue(il);
        if (!onePoint)
        {
            scratch?.EmitAdvance(il, chunks.ScratchSlots);
            il.Emit(OpCodes.Ldloc, point);
            il.Emit(OpCodes.Ldc_I4, lanes.Lanes);
            il.Emit(OpCodes.Add);
            il.Emit(OpCodes.Stloc, point);
            il.MarkLabel(check);
            il.Emit(OpCodes.Ldloc, point);
            il.Emit(OpCodes.Ldarg_S, (byte)End);
            il.Emit(OpCodes.Blt, body);
        }
        il.MarkLabel(finish);
        access.EmitFinish(il);
        il.Emit(OpCodes.Ret);
        return method;
    }

    /// <summary>
    /// A kernel method. Dynamic methods skip tiering: they are compiled optimised at once (tier-0 code of a long
    /// straight-line body is several times slower).
    /// </summary>
    private static DynamicMethod NewMethod(string name, Type[] parameters)
    {
        var method = new DynamicMethod(name, typeof(void), parameters, typeof(KernelEmitter).Module, skipVisibility: true);
        for (int i = 0; i < parameters.Length; i++) method.DefineParameter(i + 1, ParameterAttributes.None, ParameterNames[i]);
        return method;
    }
}
