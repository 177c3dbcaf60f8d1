using System.Reflection;
using System.Runtime.Intrinsics;
using Elim.Backend.Runtime.Lanes;
using Elim.Backend.Program;
using Elim.Backend.Runtime;

namespace Elim.Backend.Emit;

/// <summary>
/// The methods a vector emitter calls for one width (<c>Vector256</c> or <c>Vector512</c> of doubles), found
/// once by reflection.
/// </summary>
internal sealed class VectorMethods
{
    /// <summary>
    /// Operations whose vector form may differ from the scalar one by rounding: the vector exp, log, sin and
    /// cos are within 2 ulp of <see cref="Math"/> (measured from 1e-8 to 1e15), and <see cref="VectorMath{T, TVector}"/>
    /// states its own. The other whole-vector operations are exact IEEE operations, equal to the scalar code
    /// bit for bit; operations with neither run lane by lane on the scalar method.
    /// </summary>
    // Before Four and Eight: their constructors read it.
    private static readonly IrOp[] Approximate =
    [
        IrOp.Exp, IrOp.Log, IrOp.Sin, IrOp.Cos, IrOp.Tan, IrOp.Asin, IrOp.Acos, IrOp.Atan, IrOp.Atanh, IrOp.Log1p,
        IrOp.Erf, IrOp.Pow, IrOp.Atan2, IrOp.PowBaseSlope, IrOp.PowFromLog, IrOp.Sinh, IrOp.Cosh, IrOp.Asinh,
        IrOp.Acosh,
    ];

    /// <summary>Four doubles: <see cref="Vector256{T}"/>.</summary>
    public static VectorMethods Four { get; } = new(typeof(Vector256), typeof(Vector256<double>), typeof(Lanes4), 4);

    /// <summary>Eight doubles: <see cref="Vector512{T}"/>.</summary>
    public static VectorMethods Eight { get; } = new(typeof(Vector512), typeof(Vector512<double>), typeof(Lanes8), 8);

    private readonly Type _statics;
    private readonly Dictionary<IrOp, MethodInfo> _native;

    private VectorMethods(Type statics, Type vector, Type wrapper, int lanes)
    {
        _statics = statics;
        Vector = vector;
        Lanes = lanes;
        Broadcast = statics.GetMethod("Create", [typeof(double)])!;
        FromLanes = statics.GetMethod("Create", Enumerable.Repeat(typeof(double), lanes).ToArray())!;
        GetElement = Generic("GetElement", 2);
        SinCos = statics.GetMethod("SinCos", [vector])!;
        LessThan = Generic("LessThan", 2);
        GreaterThan = Generic("GreaterThan", 2);
        LessThanOrEqual = Generic("LessThanOrEqual", 2);
        EqualTo = Generic("Equals", 2);
        ConditionalSelect = Generic("ConditionalSelect", 3);
        GreaterThanOrEqual = Generic("GreaterThanOrEqual", 2);
        ExtractMostSignificantBits = Generic("ExtractMostSignificantBits", 1);
        BitwiseAnd = vector.GetMethod("op_BitwiseAnd", [vector, vector])!;
        OnesComplement = vector.GetMethod("op_OnesComplement", [vector])!;
        StoreLanes = typeof(PointScatter).GetMethod(nameof(PointScatter.StoreLanes), [vector, typeof(double*), typeof(int)])!;
        var math = typeof(VectorMath<,>).MakeGenericType(wrapper, vector);
        _native = new()
        {
            [IrOp.Add] = vector.GetMethod("op_Addition", [vector, vector])!,
            [IrOp.Sub] = vector.GetMethod("op_Subtraction", [vector, vector])!,
            [IrOp.Mul] = vector.GetMethod("op_Multiply", [vector, vector])!,
            [IrOp.Div] = vector.GetMethod("op_Division", [vector, vector])!,
            [IrOp.Neg] = vector.GetMethod("op_UnaryNegation", [vector])!,
            [IrOp.Sqrt] = Generic("Sqrt", 1),
            [IrOp.Abs] = Generic("Abs", 1),
            [IrOp.Min] = Generic("Min", 2),
            [IrOp.Max] = Generic("Max", 2),
            [IrOp.Exp] = statics.GetMethod("Exp", [vector])!,
            [IrOp.Log] = statics.GetMethod("Log", [vector])!,
            [IrOp.Sin] = statics.GetMethod("Sin", [vector])!,
            [IrOp.Cos] = statics.GetMethod("Cos", [vector])!,
        };
        foreach (var op in Approximate.Except(_native.Keys)) _native[op] = math.GetMethod(op.ToString())!;
    }

    /// <summary>Doubles per vector.</summary>
    public int Lanes { get; }

    /// <summary>The vector type, <c>Vector256&lt;double&gt;</c> or <c>Vector512&lt;double&gt;</c>.</summary>
    public Type Vector { get; }

    public MethodInfo Broadcast { get; }
    public MethodInfo FromLanes { get; }
    public MethodInfo GetElement { get; }

    /// <summary>Sine and cosine of every lane at once, as a tuple of two vectors.</summary>
    public MethodInfo SinCos { get; }
    public MethodInfo LessThan { get; }
    public MethodInfo GreaterThan { get; }
    public MethodInfo LessThanOrEqual { get; }
    public MethodInfo EqualTo { get; }
    public MethodInfo ConditionalSelect { get; }
    public MethodInfo GreaterThanOrEqual { get; }
    public MethodInfo ExtractMostSignificantBits { get; }
    public MethodInfo BitwiseAnd { get; }
    public MethodInfo OnesComplement { get; }

    /// <summary>|x| lane-wise.</summary>
    public MethodInfo Abs => _native[IrOp.Abs];

    /// <summary><see cref="PointScatter.StoreLanes(Vector256{double}, double*, int)"/> for this width.</summary>
    public MethodInfo StoreLanes { get; }

    /// <summary>Whether the vector form of <paramref name="op"/> may differ from the scalar one by rounding.</summary>
    public static bool IsApproximate(IrOp op) => Approximate.Contains(op);

    /// <summary>The whole-vector method of <paramref name="op"/>, or null when it must run per lane.</summary>
    public MethodInfo? NativeOf(IrOp op) => _native.GetValueOrDefault(op);

    private MethodInfo Generic(string name, int parameters) =>
        _statics.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == name && m.IsGenericMethodDefinition && m.GetParameters().Length == parameters)
            .MakeGenericMethod(typeof(double));
}
