using System.Reflection;
using System.Reflection.Emit;
using Elim.Backend.Program;
using Elim.Backend.Runtime;

namespace Elim.Backend.Emit;

/// <summary>
/// The bounce buffers of a kernel written for batches beyond the caches (<see cref="PointScatter.BeyondCaches"/>): a vector's
/// points' results are scattered into a buffer laid out as their places in the batch, one for the outputs and one for
/// the Jacobian, and copied from there in one stream. The buffers belong to the kernel's call, so an eight-lane
/// kernel's planned scatter (<see cref="PlannedScatter"/>) writes their constants once, before the loop, and its
/// iterations only the varying entries (perf/results/design-measurements.md).
/// </summary>
internal sealed class BounceBuffers
{
    private static readonly MethodInfo CopyInOneStream = typeof(PointScatter).GetMethod(nameof(PointScatter.CopyInOneStream))!;

    private readonly JacobianProgram _program;
    private readonly int _lanes;
    private readonly ScatterEmitter? _planned;

    /// <summary>Declares the buffers' locals; <paramref name="planned"/>: the instructions of a planned scatter, if it is one.</summary>
    public BounceBuffers(ILGenerator il, JacobianProgram program, int lanes, ScatterEmitter? planned)
    {
        (_program, _lanes, _planned) = (program, lanes, planned);
        Outputs = il.DeclareLocal(typeof(nint));
        Jacobian = il.DeclareLocal(typeof(nint));
    }

    /// <summary>The buffer the outputs are scattered into.</summary>
    public LocalBuilder Outputs { get; }

    /// <summary>The buffer the Jacobian entries are scattered into.</summary>
    public LocalBuilder Jacobian { get; }

    /// <summary>Once before the loop: the buffers (the Jacobian's on a cache line too), and a planned scatter's constants.</summary>
    public void EmitPrologue(ILGenerator il)
    {
        int outputDoubles = (_program.OutputCount * _lanes + 7) / 8 * 8;
        PointerAccess.EmitAlignedLocalloc(il, (outputDoubles + _program.JacobianSize * _lanes) * sizeof(double));
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Stloc, Outputs);
        il.Emit(OpCodes.Ldc_I4, outputDoubles * sizeof(double));
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Stloc, Jacobian);
        if (_planned is null) return;
        PlannedScatter.EmitConstantRows(_planned, _program, 0, _program.OutputCount, Outputs);
        PlannedScatter.EmitConstantRows(_planned, _program, _program.OutputCount, _program.JacobianSize, Jacobian);
    }

    /// <summary>After a planned scatter: both buffers to their places, <paramref name="outputBase"/> and <paramref name="jacobianBase"/>.</summary>
    public void EmitCopies(ILGenerator il, LocalBuilder outputBase, LocalBuilder jacobianBase)
    {
        Copy(Outputs, outputBase, _program.OutputCount);
        Copy(Jacobian, jacobianBase, _program.JacobianSize);

        void Copy(LocalBuilder buffer, LocalBuilder destination, int width)
        {
            il.Emit(OpCodes.Ldloc, buffer);
            il.Emit(OpCodes.Ldloc, destination);
            il.Emit(OpCodes.Ldc_I4, _lanes * width);
            il.Emit(OpCodes.Call, CopyInOneStream);
        }
    }
}
