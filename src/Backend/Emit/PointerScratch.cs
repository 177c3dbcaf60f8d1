using System.Reflection.Emit;

namespace Elim.Backend.Emit;

/// <summary>
/// The scratch of a chunk kernel: at <paramref name="block"/> (the current step's block, which the point loop moves
/// on), slot k holds a value of the current point(s) at k·lanes·8 bytes.
/// </summary>
internal sealed class PointerScratch(LocalBuilder block, ILaneEmitter lanes) : IScratchAccess
{
    /// <summary>Declares the block local, set from pointer argument <paramref name="argument"/> (before the point loop).</summary>
    public static PointerScratch Declare(ILGenerator il, short argument, ILaneEmitter lanes)
    {
        var block = il.DeclareLocal(typeof(nint));
        il.Emit(OpCodes.Ldarg_S, (byte)argument);
        il.Emit(OpCodes.Stloc, block);
        return new PointerScratch(block, lanes);
    }

    public void EmitLoad(ILGenerator il, int slot)
    {
        EmitAddress(il, slot);
        if (lanes.Lanes == 1) il.Emit(OpCodes.Ldind_R8);
        else
        {
            il.Emit(OpCodes.Unaligned, (byte)1);
            il.Emit(OpCodes.Ldobj, lanes.ValueType);
        }
    }

    public void EmitStore(ILGenerator il, int slot, Action pushValue)
    {
        EmitAddress(il, slot);
        pushValue();
        if (lanes.Lanes == 1) il.Emit(OpCodes.Stind_R8);
        else
        {
            il.Emit(OpCodes.Unaligned, (byte)1);
            il.Emit(OpCodes.Stobj, lanes.ValueType);
        }
    }

    /// <summary>Moves the block on by one step's <paramref name="slots"/> slots (after each iteration).</summary>
    public void EmitAdvance(ILGenerator il, int slots)
    {
        il.Emit(OpCodes.Ldloc, block);
        il.Emit(OpCodes.Ldc_I4, slots * lanes.Lanes * sizeof(double));
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Stloc, block);
    }

    private void EmitAddress(ILGenerator il, int slot)
    {
        il.Emit(OpCodes.Ldloc, block);
        if (slot == 0) return;
        il.Emit(OpCodes.Ldc_I4, slot * lanes.Lanes * sizeof(double));
        il.Emit(OpCodes.Conv_I);
        il.Emit(OpCodes.Add);
    }
}
