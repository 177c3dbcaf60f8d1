using System.Reflection;
using System.Reflection.Emit;
using Elim.Backend.Program;
using Elim.Backend.Runtime;

namespace Elim.Backend.Emit;

/// <summary>
/// A vector kernel's pow with a variable exponent and its base partial as a few inline vector operations, for
/// vectors whose every lane is ordinary; a vector with a special lane branches to the checked
/// <see cref="VectorMath{T, TVector}"/> method, which computes such lanes with the scalar function. Saves a
/// call per power and per base partial (g's figures: perf/results/design-measurements.md). Used by <see cref="VectorLaneEmitter"/> for <see cref="IrOp.PowFromLog"/> and
/// <see cref="IrOp.PowBaseSlope"/>.
/// </summary>
internal sealed class PowShortcuts(VectorLaneEmitter lanes)
{
    private const double SmallestNormal = 2.2250738585072014E-308;

    private readonly VectorMethods _methods = lanes.Methods;

    /// <summary>Pushes the value of <paramref name="instruction"/>, a power from its logarithm or its base partial.</summary>
    public void Emit(ILGenerator il, Instruction instruction, Action<Term> load)
    {
        if (instruction.Op == IrOp.PowFromLog) EmitPowFromLog(il, instruction, load);
        else EmitPowBaseSlope(il, instruction, load);
    }

    /// <summary>e^(b·ln a) from a, b and ln a where every a is in (0, ∞) and every b finite.</summary>
    private void EmitPowFromLog(ILGenerator il, Instruction instruction, Action<Term> load)
    {
        var (a, b, log) = (instruction.A, instruction.B, instruction.C);
        if (a.IsConstant && !(a.Constant > 0 && a.Constant < double.PositiveInfinity))
        {
            // A constant base outside (0, ∞) is never ordinary: the checked method at once. (The JIT also folds the
            // test wrongly there when the comparisons are called directly: (−2 > 0) came out true.)
            EmitChecked(il, instruction, load);
            return;
        }
        EmitUnlessOrdinary(il, instruction, load, () =>
        {
            Compare(il, () => load(a), 0.0, _methods.GreaterThan);
            Compare(il, () => load(a), double.PositiveInfinity, _methods.LessThan);
            il.Emit(OpCodes.Call, _methods.BitwiseAnd);
            Compare(il, () => { load(b); il.Emit(OpCodes.Call, _methods.Abs); }, double.PositiveInfinity, _methods.LessThan);
            il.Emit(OpCodes.Call, _methods.BitwiseAnd);
        }, () =>
        {
            load(b);
            load(log);
            il.Emit(OpCodes.Call, _methods.NativeOf(IrOp.Mul)!);
            il.Emit(OpCodes.Call, _methods.NativeOf(IrOp.Exp)!);
        });
    }

    /// <summary>
    /// b·(r/a) from a, b and r = a^b where every r and r/a is a normal number (elsewhere
    /// <see cref="Graph.SpecialFunctions.PowBaseSlope"/> takes b·a^(b−1)).
    /// </summary>
    private void EmitPowBaseSlope(ILGenerator il, Instruction instruction, Action<Term> load)
    {
        var (a, b, power) = (instruction.A, instruction.B, instruction.C);
        var quotient = il.DeclareLocal(_methods.Vector);
        load(power);
        load(a);
        il.Emit(OpCodes.Call, _methods.NativeOf(IrOp.Div)!);
        il.Emit(OpCodes.Stloc, quotient);
        EmitUnlessOrdinary(il, instruction, load, () =>
        {
            IsNormal(() => load(power));
            IsNormal(() => il.Emit(OpCodes.Ldloc, quotient));
            il.Emit(OpCodes.Call, _methods.BitwiseAnd);
        }, () =>
        {
            load(b);
            il.Emit(OpCodes.Ldloc, quotient);
            il.Emit(OpCodes.Call, _methods.NativeOf(IrOp.Mul)!);
        });

        void IsNormal(Action push)
        {
            Compare(il, () => { push(); il.Emit(OpCodes.Call, _methods.Abs); }, SmallestNormal, _methods.GreaterThanOrEqual);
            Compare(il, () => { push(); il.Emit(OpCodes.Call, _methods.Abs); }, double.PositiveInfinity, _methods.LessThan);
            il.Emit(OpCodes.Call, _methods.BitwiseAnd);
        }
    }

    /// <summary>
    /// Pushes the shortcut's value where <paramref name="pushOrdinary"/> (all-ones lanes where the shortcut holds)
    /// covers every lane, else the checked method's.
    /// </summary>
    private void EmitUnlessOrdinary(ILGenerator il, Instruction instruction, Action<Term> load,
        Action pushOrdinary, Action pushShortcut)
    {
        var special = il.DefineLabel();
        var done = il.DefineLabel();
        pushOrdinary();
        il.Emit(OpCodes.Call, _methods.OnesComplement);
        il.Emit(OpCodes.Call, _methods.ExtractMostSignificantBits);
        il.Emit(OpCodes.Brtrue, special);
        pushShortcut();
        il.Emit(OpCodes.Br, done);
        il.MarkLabel(special);
        EmitChecked(il, instruction, load);
        il.MarkLabel(done);
    }

    /// <summary>Pushes the checked method's value (scalar functions for special lanes).</summary>
    private void EmitChecked(ILGenerator il, Instruction instruction, Action<Term> load)
    {
        foreach (var operand in instruction.Operands) load(operand);
        il.Emit(OpCodes.Call, _methods.NativeOf(instruction.Op)!);
    }

    /// <summary>Pushes compare(value, constant) lane-wise: all ones where true (false for NaN).</summary>
    private void Compare(ILGenerator il, Action pushValue, double constant, MethodInfo compare)
    {
        pushValue();
        lanes.EmitConstant(il, constant);
        il.Emit(OpCodes.Call, compare);
    }
}
