using System.Reflection.Emit;
using Elim.Backend.Emit;
using Elim.Backend.Program;

namespace Elim.Backend.Export;

/// <summary>
/// Element access of an exported method <c>(double[] x, double[] outputs, double[] jacobian)</c>: one point,
/// scalar values, arrays checked for length on entry.
/// </summary>
internal sealed class ArrayAccess : IElementAccess
{
    public void EmitLoadInput(ILGenerator il, int input)
    {
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldc_I4, input);
        il.Emit(OpCodes.Ldelem_R8);
    }

    public void EmitStore(ILGenerator il, StoreTarget target, int index, Action pushValue)
    {
        il.Emit(target == StoreTarget.Output ? OpCodes.Ldarg_1 : OpCodes.Ldarg_2);
        il.Emit(OpCodes.Ldc_I4, index);
        pushValue();
        il.Emit(OpCodes.Stelem_R8);
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
