using System.Reflection.Emit;
using Elim.Backend.Cpu;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// Element access of a batch kernel <c>(double* x, double* y, double* J, int start, int end, int stride)</c>:
/// per-iteration base pointers for the current point p, addressed by <see cref="BatchLayout"/>, with
/// scalar or four-lane values.
/// </summary>
internal sealed class PointerAccess : IElementAccess
{
    private readonly JacobianProgram _program;
    private readonly BatchLayout _layout;
    private readonly bool _vector;
    private readonly LocalBuilder _inputBase;
    private readonly LocalBuilder _outputBase;
    private readonly LocalBuilder _jacobianBase;
    private readonly LocalBuilder _strideBytes;
    private readonly LocalBuilder? _scatter;

    public PointerAccess(ILGenerator il, JacobianProgram program, BatchLayout layout, bool vector)
    {
        _program = program;
        _layout = layout;
        _vector = vector;
        _inputBase = il.DeclareLocal(typeof(nint));
        _outputBase = il.DeclareLocal(typeof(nint));
        _jacobianBase = il.DeclareLocal(typeof(nint));
        _strideBytes = il.DeclareLocal(typeof(nint));
        if (vector && layout == BatchLayout.PerPoint) _scatter = il.DeclareLocal(VectorLaneEmitter.Instance.ValueType);
    }

    /// <summary>Once before the loop: the byte distance between rows of a structure-of-arrays batch.</summary>
    public void EmitPrologue(ILGenerator il)
    {
        il.Emit(OpCodes.Ldarg_S, (byte)5);
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Ldc_I4_8);
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Mul);
        il.Emit(OpCodes.Stloc, _strideBytes);
    }

    /// <summary>At the top of each iteration: base pointers of point <paramref name="point"/>.</summary>
    public void EmitBases(ILGenerator il, LocalBuilder point)
    {
        Base(0, _inputBase, _program.InputCount);
        Base(1, _outputBase, _program.OutputCount);
        Base(2, _jacobianBase, _program.JacobianSize);

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

    public void EmitLoadInput(ILGenerator il, int input)
    {
        if (_layout == BatchLayout.StructureOfArrays)
        {
            EmitRowAddress(il, _inputBase, input);
            if (_vector) il.Emit(OpCodes.Call, VectorMethods.Load);
            else il.Emit(OpCodes.Ldind_R8);
            return;
        }
        if (!_vector)
        {
            EmitLaneAddress(il, _inputBase, input, 0, 0);
            il.Emit(OpCodes.Ldind_R8);
            return;
        }
        for (int lane = 0; lane < VectorLaneEmitter.Lanes; lane++)
        {
            EmitLaneAddress(il, _inputBase, input, lane, _program.InputCount);
            il.Emit(OpCodes.Ldind_R8);
        }
        il.Emit(OpCodes.Call, VectorMethods.FromLanes);
    }

    public void EmitStore(ILGenerator il, StoreTarget target, int index, Action pushValue)
    {
        var (local, width) = target == StoreTarget.Output
            ? (_outputBase, _program.OutputCount)
            : (_jacobianBase, _program.JacobianSize);
        if (_layout == BatchLayout.StructureOfArrays && _vector)
        {
            pushValue();
            EmitRowAddress(il, local, index);
            il.Emit(OpCodes.Call, VectorMethods.Store);
        }
        else if (!_vector)
        {
            if (_layout == BatchLayout.StructureOfArrays) EmitRowAddress(il, local, index);
            else EmitLaneAddress(il, local, index, 0, 0);
            pushValue();
            il.Emit(OpCodes.Stind_R8);
        }
        else
        {
            pushValue();
            il.Emit(OpCodes.Stloc, _scatter!);
            for (int lane = 0; lane < VectorLaneEmitter.Lanes; lane++)
            {
                EmitLaneAddress(il, local, index, lane, width);
                il.Emit(OpCodes.Ldloc, _scatter!);
                il.Emit(OpCodes.Ldc_I4, lane);
                il.Emit(OpCodes.Call, VectorMethods.GetElement);
                il.Emit(OpCodes.Stind_R8);
            }
        }
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
