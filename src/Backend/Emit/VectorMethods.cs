using System.Reflection;
using System.Runtime.Intrinsics;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>The <see cref="Vector256{T}"/> methods the vector emitter calls, found once by reflection.</summary>
internal static class VectorMethods
{
    private static readonly Type Vector = typeof(Vector256<double>);

    public static readonly MethodInfo Broadcast = typeof(Vector256).GetMethod(nameof(Vector256.Create), [typeof(double)])!;
    public static readonly MethodInfo FromLanes =
        typeof(Vector256).GetMethod(nameof(Vector256.Create), [typeof(double), typeof(double), typeof(double), typeof(double)])!;
    public static readonly MethodInfo GetElement = Generic(nameof(Vector256.GetElement), 2);
    public static readonly MethodInfo Load = Generic(nameof(Vector256.Load), 1);
    public static readonly MethodInfo Store = Generic(nameof(Vector256.Store), 2);
    public static readonly MethodInfo LessThan = Generic(nameof(Vector256.LessThan), 2);
    public static readonly MethodInfo GreaterThan = Generic(nameof(Vector256.GreaterThan), 2);
    public static readonly MethodInfo EqualTo = Generic(nameof(Vector256.Equals), 2);
    public static readonly MethodInfo ConditionalSelect = Generic(nameof(Vector256.ConditionalSelect), 3);

    /// <summary>Operations with a whole-vector method; the rest run lane by lane on the scalar method.</summary>
    private static readonly Dictionary<IrOp, MethodInfo> Native = new()
    {
        [IrOp.Add] = Vector.GetMethod("op_Addition", [Vector, Vector])!,
        [IrOp.Sub] = Vector.GetMethod("op_Subtraction", [Vector, Vector])!,
        [IrOp.Mul] = Vector.GetMethod("op_Multiply", [Vector, Vector])!,
        [IrOp.Div] = Vector.GetMethod("op_Division", [Vector, Vector])!,
        [IrOp.Neg] = Vector.GetMethod("op_UnaryNegation", [Vector])!,
        [IrOp.Sqrt] = Generic(nameof(Vector256.Sqrt), 1),
        [IrOp.Abs] = Generic(nameof(Vector256.Abs), 1),
        [IrOp.Min] = Generic(nameof(Vector256.Min), 2),
        [IrOp.Max] = Generic(nameof(Vector256.Max), 2),
    };

    /// <summary>The whole-vector method of <paramref name="op"/>, or null when it must run per lane.</summary>
    public static MethodInfo? NativeOf(IrOp op) => Native.GetValueOrDefault(op);

    private static MethodInfo Generic(string name, int parameters) =>
        typeof(Vector256).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == name && m.IsGenericMethodDefinition && m.GetParameters().Length == parameters)
            .MakeGenericMethod(typeof(double));
}
