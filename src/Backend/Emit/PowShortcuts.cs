using System.Reflection;
using System.Reflection.Emit;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// A vector kernel's pow with a variable exponent and its base partial as a few inline vector operations, for
/// vectors whose every lane is ordinary; a vector with a special lane branches to the checked
/// <see cref="Cpu.VectorMath{T, TVector}"/> method, which computes such lanes with the scalar function. Saves a
/// call per power and per base partial: g (16 such powers) went from 181–234 to 155–173 ns per point, and with a
/// negative base at every point from 319 to 295 (<c>elim bench examples/g.elim --batch 1000 --threads 1</c>,
/// alternating runs). Used by <see cref="VectorLaneEmitter"/> for <see cref="IrOp.PowFromLog"/> and
/// <see cref="IrOp.PowBaseSlope"/>.
/// </summary>
internal sealed class PowShortcuts(VectorLaneEmitter lanes)
{
    private const double SmallestNormal = 2.2250738585072014E-308;

    private readonly VectorMethods _methods = lanes.Methods;

    /// <summary>Pushes the value of <paramref name="instruction"/>, a power from its logarithm or its base partial.</summary>
    public void Emit(ILGenerator il, Instruction instruction, Action<Term> load, CallEmitter calls)
    {
        if (instruction.Op == IrOp.PowFromLog) EmitPowFromLog(il, instruction, load, calls);
        else EmitPowBaseSlope(il, instruction, load, calls);
    }

    /// <summary>e^(b·ln a) from a, b and ln a where every a is in (0, ∞) and every b finite.</summary>
    private void EmitPowFromLog(ILGenerator il, Instruction instruction, Action<Term> load, CallEmitter calls)
    {
        var (a, b, log) = (instruction.A, instruction.B, instruction.C);
        EmitUnlessOrdinary(il, instruction, load, calls, () =>
        {
            Compare(il, () => load(a), 0.0, _methods.GreaterThan, calls);
            Compare(il, () => load(a), double.PositiveInfinity, _methods.LessThan, calls);
            calls.Emit(il, _methods.BitwiseAnd);
            Compare(il, () => { load(b); calls.Emit(il, _methods.Abs); }, double.PositiveInfinity, _methods.LessThan, calls);
            calls.Emit(il, _methods.BitwiseAnd);
        }, () =>
        {
            load(b);
            load(log);
            calls.Emit(il, _methods.NativeOf(IrOp.Mul)!);
            calls.Emit(il, _methods.NativeOf(IrOp.Exp)!);
        });
    }

    /// <summary>
    /// b·(r/a) from a, b and r = a^b where every r and r/a is a normal number (elsewhere
    /// <see cref="Graph.SpecialFunctions.PowBaseSlope"/> takes b·a^(b−1)).
    /// </summary>
    private void EmitPowBaseSlope(ILGenerator il, Instruction instruction, Action<Term> load, CallEmitter calls)
    {
        var (a, b, power) = (instruction.A, instruction.B, instruction.C);
        var quotient = il.DeclareLocal(_methods.Vector);
        load(power);
        load(a);
        calls.Emit(il, _methods.NativeOf(IrOp.Div)!);
        il.Emit(OpCodes.Stloc, quotient);
        EmitUnlessOrdinary(il, instruction, load, calls, () =>
        {
            IsNormal(() => load(power));
            IsNormal(() => il.Emit(OpCodes.Ldloc, quotient));
            calls.Emit(il, _methods.BitwiseAnd);
        }, () =>
        {
            load(b);
            il.Emit(OpCodes.Ldloc, quotient);
            calls.Emit(il, _methods.NativeOf(IrOp.Mul)!);
        });

        void IsNormal(Action push)
        {
            Compare(il, () => { push(); calls.Emit(il, _methods.Abs); }, SmallestNormal, _methods.GreaterThanOrEqual, calls);
            Compare(il, () => { push(); calls.Emit(il, _methods.Abs); }, double.PositiveInfinity, _methods.LessThan, calls);
            calls.Emit(il, _methods.BitwiseAnd);
        }
    }

    /// <summary>
    /// Pushes the shortcut's value where <paramref name="pushOrdinary"/> (all-ones lanes where the shortcut holds)
    /// covers every lane, else the checked method's.
    /// </summary>
    private void EmitUnlessOrdinary(ILGenerator il, Instruction instruction, Action<Term> load, CallEmitter calls,
        Action pushOrdinary, Action pushShortcut)
    {
        var special = il.DefineLabel();
        var done = il.DefineLabel();
        pushOrdinary();
        calls.Emit(il, _methods.OnesComplement);
        calls.Emit(il, _methods.ExtractMostSignificantBits);
        il.Emit(OpCodes.Brtrue, special);
        pushShortcut();
        il.Emit(OpCodes.Br, done);
        il.MarkLabel(special);
        foreach (var operand in instruction.Operands) load(operand);
        calls.Emit(il, _methods.NativeOf(instruction.Op)!);
        il.MarkLabel(done);
    }

    /// <summary>Pushes compare(value, constant) lane-wise: all ones where true (false for NaN).</summary>
    private void Compare(ILGenerator il, Action pushValue, double constant, MethodInfo compare, CallEmitter calls)
    {
        pushValue();
        lanes.EmitConstant(il, constant, calls);
        calls.Emit(il, compare);
    }
}
