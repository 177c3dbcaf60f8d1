using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// Emits instructions on <see cref="Vector256{T}"/> of doubles (four points at once): whole-vector
/// methods where .NET has them with the scalar semantics, else the scalar method lane by lane.
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
    public void EmitConstant(ILGenerator il, double value)
    {
        il.Emit(OpCodes.Ldc_R8, value);
        il.Emit(OpCodes.Call, VectorMethods.Broadcast);
    }

    /// <inheritdoc />
    public void EmitInstruction(ILGenerator il, Instruction instruction, Action<Term> load)
    {
        var (a, b) = (instruction.A, instruction.B);
        switch (instruction.Op)
        {
            case IrOp.Below:
                // a < b ? 1 : (a > b ? 0 : ½), lane-wise, with the scalar's values exactly.
                Compare(VectorMethods.LessThan);
                EmitConstant(il, 1);
                Compare(VectorMethods.GreaterThan);
                EmitConstant(il, 0);
                EmitConstant(il, 0.5);
                il.Emit(OpCodes.Call, VectorMethods.ConditionalSelect);
                il.Emit(OpCodes.Call, VectorMethods.ConditionalSelect);
                return;
            case IrOp.ZeroWhereZero:
                load(a);
                EmitConstant(il, 0);
                il.Emit(OpCodes.Call, VectorMethods.EqualTo);
                EmitConstant(il, 0);
                load(b);
                il.Emit(OpCodes.Call, VectorMethods.ConditionalSelect);
                return;
        }
        if (VectorMethods.NativeOf(instruction.Op) is { } native)
        {
            load(a);
            if (instruction.Arity == 2) load(b);
            il.Emit(OpCodes.Call, native);
            return;
        }
        var scalar = ScalarMethods.Of(instruction.Op)
            ?? throw new InvalidOperationException($"No vector emission for {instruction.Op}.");
        for (int lane = 0; lane < Lanes; lane++)
        {
            Lane(a, lane);
            if (instruction.Arity == 2) Lane(b, lane);
            il.Emit(OpCodes.Call, scalar);
        }
        il.Emit(OpCodes.Call, VectorMethods.FromLanes);

        void Lane(Term operand, int lane)
        {
            if (operand.IsConstant)
            {
                il.Emit(OpCodes.Ldc_R8, operand.Constant);
                return;
            }
            load(operand);
            il.Emit(OpCodes.Ldc_I4, lane);
            il.Emit(OpCodes.Call, VectorMethods.GetElement);
        }

        void Compare(System.Reflection.MethodInfo compare)
        {
            load(a);
            load(b);
            il.Emit(OpCodes.Call, compare);
        }
    }
}
