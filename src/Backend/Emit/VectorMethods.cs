using System.Reflection;
using System.Runtime.Intrinsics;
using Elim.Backend.Cpu;
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

    /// <summary>
    /// Operations with a whole-vector method; the rest run lane by lane on the scalar method. The arithmetic
    /// ones are exact IEEE operations, equal to the scalar code bit for bit; the transcendental ones
    /// (<see cref="IsApproximate"/>) differ from it by rounding only: Vector256's exp, log, sin and cos are
    /// within 2 ulp of <see cref="Math"/> (measured from 1e-8 to 1e15), and <see cref="VectorMath"/> states its own.
    /// </summary>
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
        [IrOp.Exp] = typeof(Vector256).GetMethod(nameof(Vector256.Exp), [Vector])!,
        [IrOp.Log] = typeof(Vector256).GetMethod(nameof(Vector256.Log), [Vector])!,
        [IrOp.Sin] = typeof(Vector256).GetMethod(nameof(Vector256.Sin), [Vector])!,
        [IrOp.Cos] = typeof(Vector256).GetMethod(nameof(Vector256.Cos), [Vector])!,
        [IrOp.Tan] = Own(nameof(VectorMath.Tan)),
        [IrOp.Asin] = Own(nameof(VectorMath.Asin)),
        [IrOp.Acos] = Own(nameof(VectorMath.Acos)),
        [IrOp.Atan] = Own(nameof(VectorMath.Atan)),
        [IrOp.Atanh] = Own(nameof(VectorMath.Atanh)),
        [IrOp.Log1p] = Own(nameof(VectorMath.Log1p)),
        [IrOp.Erf] = Own(nameof(VectorMath.Erf)),
        [IrOp.Pow] = Own(nameof(VectorMath.Pow)),
        [IrOp.Atan2] = Own(nameof(VectorMath.Atan2)),
        [IrOp.PowBaseSlope] = Own(nameof(VectorMath.PowBaseSlope)),
    };

    /// <summary>Whether the vector form of <paramref name="op"/> may differ from the scalar one by rounding.</summary>
    public static bool IsApproximate(IrOp op) =>
        Native.TryGetValue(op, out var method) && (method.DeclaringType == typeof(VectorMath) || op is IrOp.Exp or IrOp.Log or IrOp.Sin or IrOp.Cos);

    /// <summary>The whole-vector method of <paramref name="op"/>, or null when it must run per lane.</summary>
    public static MethodInfo? NativeOf(IrOp op) => Native.GetValueOrDefault(op);

    private static MethodInfo Own(string name) => typeof(VectorMath).GetMethod(name)!;

    private static MethodInfo Generic(string name, int parameters) =>
        typeof(Vector256).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == name && m.IsGenericMethodDefinition && m.GetParameters().Length == parameters)
            .MakeGenericMethod(typeof(double));
}
