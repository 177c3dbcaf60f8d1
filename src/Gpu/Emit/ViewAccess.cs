using System.Reflection;
using System.Reflection.Emit;
using Elim.Backend.Emit;
using Elim.Backend.Program;
using ILGPU;
using ILGPU.Runtime;

namespace Elim.Gpu.Emit;

/// <summary>
/// Element access of a kernel <c>(Index1D point, ArrayView&lt;double&gt; x, ArrayView&lt;double&gt; data, ArrayView&lt;double&gt; y,
/// ArrayView&lt;double&gt; jacobian, long stride)</c> in structure-of-arrays layout: row r of point p is element
/// <c>r·stride + p</c>, so neighbouring threads touch neighbouring addresses. Elements are reached through the
/// view's <c>ref double</c> indexer (<c>ldind.r8</c> / <c>stind.r8</c>).
/// </summary>
internal sealed class ViewAccess : IElementAccess
{
    /// <summary>Argument positions of the kernel.</summary>
    public const short Point = 0, Inputs = 1, Data = 2, Outputs = 3, Jacobian = 4, Stride = 5;

    /// <summary>The kernel's parameter types, in argument order.</summary>
    public static readonly Type[] Parameters =
        [typeof(Index1D), typeof(ArrayView<double>), typeof(ArrayView<double>), typeof(ArrayView<double>), typeof(ArrayView<double>), typeof(long)];

    private static readonly MethodInfo Item = typeof(ArrayView<double>).GetProperty("Item", [typeof(long)])!.GetMethod!;
    private static readonly MethodInfo PointX = typeof(Index1D).GetProperty(nameof(Index1D.X))!.GetMethod!;

    private readonly LocalBuilder _point;

    /// <summary>Declares the point local and loads it from the thread index.</summary>
    public ViewAccess(ILGenerator il)
    {
        _point = il.DeclareLocal(typeof(long));
        il.Emit(OpCodes.Ldarga_S, (byte)Point);
        il.Emit(OpCodes.Call, PointX);
        il.Emit(OpCodes.Conv_I8);
        il.Emit(OpCodes.Stloc, _point);
    }

    public void EmitLoadInput(ILGenerator il, int input) => EmitLoad(il, Inputs, input);

    public void EmitLoadData(ILGenerator il, int index) => EmitLoad(il, Data, index);

    private void EmitLoad(ILGenerator il, short view, int row)
    {
        EmitAddress(il, view, row);
        il.Emit(OpCodes.Ldind_R8);
    }

    public void EmitStore(ILGenerator il, StoreTarget target, int index, Action pushValue)
    {
        EmitAddress(il, target == StoreTarget.Output ? Outputs : Jacobian, index);
        pushValue();
        il.Emit(OpCodes.Stind_R8);
    }

    public int EmitConstantBlock(ILGenerator il, StoreTarget target, int index, IReadOnlyList<double> values) => 0;

    /// <summary>Pushes <c>ref view[row·stride + point]</c>.</summary>
    private void EmitAddress(ILGenerator il, short view, int row)
    {
        il.Emit(OpCodes.Ldarga_S, (byte)view);
        il.Emit(OpCodes.Ldloc, _point);
        if (row != 0)
        {
            il.Emit(OpCodes.Ldc_I8, (long)row);
            il.Emit(OpCodes.Ldarg_S, (byte)Stride);
            il.Emit(OpCodes.Mul);
            il.Emit(OpCodes.Add);
        }
        il.Emit(OpCodes.Call, Item);
    }
}
