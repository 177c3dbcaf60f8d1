using System.Reflection.Emit;
using Elim.Backend.Emit;

namespace Elim.Backend.Export;

/// <summary>The scratch of an exported method's chunks: a <c>double[]</c> argument, one element per slot.</summary>
internal sealed class ArrayScratch(short argument) : IScratchAccess
{
    public void EmitLoad(ILGenerator il, int slot)
    {
        il.Emit(OpCodes.Ldarg, argument);
        il.Emit(OpCodes.Ldc_I4, slot);
        il.Emit(OpCodes.Ldelem_R8);
    }

    public void EmitStore(ILGenerator il, int slot, Action pushValue)
    {
        il.Emit(OpCodes.Ldarg, argument);
        il.Emit(OpCodes.Ldc_I4, slot);
        pushValue();
        il.Emit(OpCodes.Stelem_R8);
    }
}
