using System.Reflection;
using System.Reflection.Emit;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// The lanes of a vector kernel's iteration that its inline fast paths may have got wrong: a mask local into which
/// each fast path ORs the lanes where its shortcut does not hold; after the iteration's stores, the scalar kernel
/// computes the vector's points again when any lane is set. Lets pow and its base partial run as a few inline
/// vector operations instead of calls that check their arguments first: g (16 such powers, 32 calls fewer per
/// vector) went from 178–207 to 162–168 ns per point (<c>elim bench examples/g.elim --batch 1000 --threads 1</c>,
/// four runs each, alternating).
/// </summary>
public sealed class RedoLanes
{
    private static readonly double SmallestNormal = 2.2250738585072014E-308;

    private readonly VectorMethods _methods;
    private readonly LocalBuilder _mask;
    private readonly LocalBuilder _scratch;

    internal RedoLanes(ILGenerator il, VectorMethods methods)
    {
        _methods = methods;
        _mask = il.DeclareLocal(methods.Vector);
        _scratch = il.DeclareLocal(methods.Vector);
    }

    /// <summary>Before the loop: no lane to redo.</summary>
    public void EmitClear(ILGenerator il, CallEmitter calls)
    {
        calls.Emit(il, _methods.Zero);
        il.Emit(OpCodes.Stloc, _mask);
    }

    /// <summary>
    /// At the end of an iteration over points [point, point + lanes): calls <paramref name="scalarKernel"/> (a
    /// <see cref="Cpu.BatchKernel"/> of the same layout) on them if any lane is marked, then clears the mask.
    /// </summary>
    public void EmitRedo(ILGenerator il, MethodInfo scalarKernel, LocalBuilder point, CallEmitter calls)
    {
        var done = il.DefineLabel();
        il.Emit(OpCodes.Ldloc, _mask);
        calls.Emit(il, _methods.ExtractMostSignificantBits);
        il.Emit(OpCodes.Brfalse, done);
        for (short argument = 0; argument < 3; argument++) il.Emit(OpCodes.Ldarg, argument);
        il.Emit(OpCodes.Ldloc, point);
        il.Emit(OpCodes.Ldloc, point);
        il.Emit(OpCodes.Ldc_I4, _methods.Lanes);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Ldarg_S, (byte)5);
        il.Emit(OpCodes.Call, scalarKernel);
        EmitClear(il, calls);
        il.MarkLabel(done);
    }

    /// <summary>
    /// e^(b·ln a) from a, b and ln a (<see cref="IrOp.PowFromLog"/>); lanes where a is not in (0, ∞) or b is not
    /// finite are marked.
    /// </summary>
    public void EmitPowFromLog(ILGenerator il, Instruction instruction, Action<Term> load, CallEmitter calls)
    {
        var (a, b, log) = (instruction.A, instruction.B, instruction.C);
        EmitMarkUnless(il, calls, () =>
        {
            Compare(il, () => load(a), 0.0, _methods.GreaterThan, calls);
            Compare(il, () => load(a), double.PositiveInfinity, _methods.LessThan, calls);
            calls.Emit(il, _methods.BitwiseAnd);
            Compare(il, () => { load(b); calls.Emit(il, _methods.Abs); }, double.PositiveInfinity, _methods.LessThan, calls);
            calls.Emit(il, _methods.BitwiseAnd);
        });
        load(b);
        load(log);
        calls.Emit(il, _methods.NativeOf(IrOp.Mul)!);
        calls.Emit(il, _methods.NativeOf(IrOp.Exp)!);
    }

    /// <summary>
    /// b·(r/a) from a, b and r = a^b (<see cref="IrOp.PowBaseSlope"/>); lanes where r or r/a is not a normal number
    /// (where <see cref="Graph.SpecialFunctions.PowBaseSlope"/> takes b·a^(b−1) instead) are marked.
    /// </summary>
    public void EmitPowBaseSlope(ILGenerator il, Instruction instruction, Action<Term> load, CallEmitter calls)
    {
        var (a, b, power) = (instruction.A, instruction.B, instruction.C);
        load(power);
        load(a);
        calls.Emit(il, _methods.NativeOf(IrOp.Div)!);
        il.Emit(OpCodes.Stloc, _scratch);
        EmitMarkUnless(il, calls, () =>
        {
            IsNormal(() => load(power));
            IsNormal(() => il.Emit(OpCodes.Ldloc, _scratch));
            calls.Emit(il, _methods.BitwiseAnd);
        });
        load(b);
        il.Emit(OpCodes.Ldloc, _scratch);
        calls.Emit(il, _methods.NativeOf(IrOp.Mul)!);

        void IsNormal(Action push)
        {
            Compare(il, () => { push(); calls.Emit(il, _methods.Abs); }, SmallestNormal, _methods.GreaterThanOrEqual, calls);
            Compare(il, () => { push(); calls.Emit(il, _methods.Abs); }, double.PositiveInfinity, _methods.LessThan, calls);
            calls.Emit(il, _methods.BitwiseAnd);
        }
    }

    /// <summary>mask |= ~ordinary, where <paramref name="pushOrdinary"/> pushes all-ones lanes where the fast path is exact.</summary>
    private void EmitMarkUnless(ILGenerator il, CallEmitter calls, Action pushOrdinary)
    {
        il.Emit(OpCodes.Ldloc, _mask);
        pushOrdinary();
        calls.Emit(il, _methods.OnesComplement);
        calls.Emit(il, _methods.BitwiseOr);
        il.Emit(OpCodes.Stloc, _mask);
    }

    /// <summary>Pushes compare(value, constant) lane-wise: all ones where true (false for NaN).</summary>
    private void Compare(ILGenerator il, Action pushValue, double constant, MethodInfo compare, CallEmitter calls)
    {
        pushValue();
        il.Emit(OpCodes.Ldc_R8, constant);
        calls.Emit(il, _methods.Broadcast);
        calls.Emit(il, compare);
    }
}
