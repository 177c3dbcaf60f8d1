using System.Reflection.Emit;
using Elim.Backend.Emit;
using Elim.Backend.Program;

namespace Elim.Backend.Export;

/// <summary>
/// Element access of an exported method <c>(double[] x, [double[] data,] double[] outputs[, double[] jacobian])</c>: one
/// point, scalar values, arrays checked for length on entry. The data array is there only for a function with data inputs.
/// </summary>
internal sealed class ArrayAccess(bool hasData) : IElementAccess
{
    /// <summary>Argument positions.</summary>
    public const short Inputs = 0, Data = 1;

    /// <summary>The position of the outputs array (the Jacobian's follows it).</summary>
    public short Outputs => hasData ? (short)2 : (short)1;

    public void EmitLoadInput(ILGenerator il, int input) => EmitLoad(il, Inputs, input);

    public void EmitLoadData(ILGenerator il, int index) => EmitLoad(il, Data, index);

    public void EmitStore(ILGenerator il, StoreTarget target, int index, Action pushValue)
    {
        il.Emit(OpCodes.Ldarg, target == StoreTarget.Output ? Outputs : (short)(Outputs + 1));
        il.Emit(OpCodes.Ldc_I4, index);
        pushValue();
        il.Emit(OpCodes.Stelem_R8);
    }

    public int EmitConstantBlock(ILGenerator il, StoreTarget target, int index, IReadOnlyList<double> values) => 0;

    private static void EmitLoad(ILGenerator il, short argument, int index)
    {
        il.Emit(OpCodes.Ldarg, argument);
        il.Emit(OpCodes.Ldc_I4, index);
        il.Emit(OpCodes.Ldelem_R8);
    }

    /// <summary>Throws ArgumentException unless argument <paramref name="argument"/> is an array of <paramref name="length"/>.</summary>
    public static void EmitLengthCheck(ILGenerator il, short argument, string name, int length, string what)
    {
        var fail = il.DefineLabel();
        var ok = il.DefineLabel();
        il.Emit(OpCodes.Ldarg, argument);
        il.Emit(OpCodes.Brfalse, fail);
        il.Emit(OpCodes.Ldarg, argument);
        il.Emit(OpCodes.Ldlen);
        il.Emit(OpCodes.Conv_I4);
        il.Emit(OpCodes.Ldc_I4, length);
        il.Emit(OpCodes.Beq, ok);
        il.MarkLabel(fail);
        il.Emit(OpCodes.Ldstr, $"{name} must be an array of {length} values ({what}).");
        il.Emit(OpCodes.Ldstr, name);
        il.Emit(OpCodes.Newobj, typeof(ArgumentException).GetConstructor([typeof(string), typeof(string)])!);
        il.Emit(OpCodes.Throw);
        il.MarkLabel(ok);
    }
}
