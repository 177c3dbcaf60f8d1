using System.Reflection;
using System.Reflection.Emit;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// Sine and cosine of one value in one chunk, computed by one <see cref="Math.SinCos"/> call on scalar lanes: one
/// call of the C library's sincos costs about as much as one of sin or cos, and a sine's derivative is the cosine of
/// the same value, so pairs are common. The first of a pair pushes its own result and keeps the other in a local; the
/// second pushes that local. <see cref="Math.SinCos"/> gives the values of <see cref="Math.Sin"/> and <see cref="Math.Cos"/>.
/// </summary>
internal sealed class SinCosPairs
{
    private static readonly MethodInfo SinCos = typeof(Math).GetMethod(nameof(Math.SinCos), [typeof(double)])!;
    private static readonly FieldInfo Sine = typeof(ValueTuple<double, double>).GetField(nameof(ValueTuple<double, double>.Item1))!;
    private static readonly FieldInfo Cosine = typeof(ValueTuple<double, double>).GetField(nameof(ValueTuple<double, double>.Item2))!;

    private readonly Dictionary<int, int> _partnerOfFirst = [];        // first id → second id
    private readonly Dictionary<int, LocalBuilder> _keptForSecond = [];  // second id → the local the first filled
    private LocalBuilder? _pair;

    private SinCosPairs() { }

    /// <summary>No pairs: every sine and cosine is its own call.</summary>
    public static SinCosPairs None => new();

    /// <summary>The pairs of instructions <paramref name="start"/> to <paramref name="end"/> (exclusive); none unless <paramref name="lanes"/> are scalar.</summary>
    public static SinCosPairs Find(JacobianProgram program, int start, int end, ILaneEmitter lanes)
    {
        var pairs = new SinCosPairs();
        if (lanes.Lanes != 1) return pairs;
        var unpaired = new Dictionary<(IrOp Op, Term Operand), int>();
        for (int id = start; id < end; id++)
        {
            var instruction = program.Instructions[id];
            if (instruction.Op is not (IrOp.Sin or IrOp.Cos) || instruction.A.IsConstant) continue;
            var partner = (instruction.Op == IrOp.Sin ? IrOp.Cos : IrOp.Sin, instruction.A);
            if (unpaired.Remove(partner, out int first)) pairs._partnerOfFirst[first] = id;
            else unpaired.TryAdd((instruction.Op, instruction.A), id);
        }
        return pairs;
    }

    /// <summary>
    /// Pushes the result of <paramref name="instruction"/> (value <paramref name="id"/>) if it is one of a pair, and
    /// says whether it did; <paramref name="load"/> pushes an operand.
    /// </summary>
    public bool TryEmit(ILGenerator il, int id, Instruction instruction, Action<Term> load)
    {
        if (_keptForSecond.Remove(id, out var kept))
        {
            il.Emit(OpCodes.Ldloc, kept);
            return true;
        }
        if (!_partnerOfFirst.Remove(id, out int second)) return false;
        bool sine = instruction.Op == IrOp.Sin;
        _pair ??= il.DeclareLocal(typeof(ValueTuple<double, double>));
        var other = il.DeclareLocal(typeof(double));
        _keptForSecond[second] = other;
        load(instruction.A);
        il.Emit(OpCodes.Call, SinCos);
        il.Emit(OpCodes.Stloc, _pair);
        il.Emit(OpCodes.Ldloc, _pair);
        il.Emit(OpCodes.Ldfld, sine ? Cosine : Sine);
        il.Emit(OpCodes.Stloc, other);
        il.Emit(OpCodes.Ldloc, _pair);
        il.Emit(OpCodes.Ldfld, sine ? Sine : Cosine);
        return true;
    }
}
