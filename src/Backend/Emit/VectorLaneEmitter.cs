using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// Emits instructions on <see cref="Vector256{T}"/> of doubles (four points at once): whole-vector
/// methods of <see cref="Vector256"/> or <see cref="Cpu.VectorMath"/> where there is one, else the scalar
/// method lane by lane.
/// </summary>
public sealed class VectorLaneEmitter : ILaneEmitter
{
    /// <summary>Points per vector.</summary>
    public const int Lanes = 4;

    /// <summary>The one instance.</summary>
    public static readonly VectorLaneEmitter Instance = new();

    private VectorLaneEmitter() { }

    /// <inheritdoc />
    public Type ValueType => typeof(Vector256<double>);

    /// <inheritdoc />
    public void EmitConstant(ILGenerator il, double value, CallEmitter calls)
    {
        il.Emit(OpCodes.Ldc_R8, value);
        calls.Emit(il, VectorMethods.Broadcast);
    }

    /// <inheritdoc />
    public void EmitInstruction(ILGenerator il, Instruction instruction, Action<Term> load, CallEmitter calls)
    {
        var (a, b) = (instruction.A, instruction.B);
        switch (instruction.Op)
        {
            case IrOp.Below:
                // a < b ? 1 : (a > b ? 0 : ½), lane-wise, with the scalar's values exactly.
                Compare(VectorMethods.LessThan);
                EmitConstant(il, 1, calls);
                Compare(VectorMethods.GreaterThan);
                EmitConstant(il, 0, calls);
                EmitConstant(il, 0.5, calls);
                calls.Emit(il, VectorMethods.ConditionalSelect);
                calls.Emit(il, VectorMethods.ConditionalSelect);
                return;
            case IrOp.ZeroWhereZero:
                load(a);
                EmitConstant(il, 0, calls);
                calls.Emit(il, VectorMethods.EqualTo);
                EmitConstant(il, 0, calls);
                load(b);
                calls.Emit(il, VectorMethods.ConditionalSelect);
                return;
        }
        if (VectorMethods.NativeOf(instruction.Op) is { } native)
        {
            foreach (var operand in instruction.Operands) load(operand);
            calls.Emit(il, native);
            return;
        }
        var scalar = ScalarMethods.Of(instruction.Op)
            ?? throw new InvalidOperationException($"No vector emission for {instruction.Op}.");
        for (int lane = 0; lane < Lanes; lane++)
        {
            foreach (var operand in instruction.Operands) Lane(operand, lane);
            calls.Emit(il, scalar);
        }
        calls.Emit(il, VectorMethods.FromLanes);

        void Lane(Term operand, int lane)
        {
            if (operand.IsConstant)
            {
                il.Emit(OpCodes.Ldc_R8, operand.Constant);
                return;
            }
            load(operand);
            il.Emit(OpCodes.Ldc_I4, lane);
            calls.Emit(il, VectorMethods.GetElement);
        }

        void Compare(System.Reflection.MethodInfo compare)
        {
            load(a);
            load(b);
            calls.Emit(il, compare);
        }
    }
}
