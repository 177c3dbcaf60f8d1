using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using Elim.Backend.Program;
using Elim.Backend.Runtime;

namespace Elim.Backend.Emit;

/// <summary>
/// Emits instructions on vectors of doubles (<see cref="Vector256{T}"/>: four points at once, or
/// <see cref="Vector512{T}"/>: eight): whole-vector methods of <see cref="Vector256"/>/<see cref="Vector512"/>
/// or <see cref="VectorMath{T, TVector}"/> where there is one, else the scalar method lane by lane; a power
/// with a variable exponent and its base partial inline where the arguments allow (<see cref="PowShortcuts"/>).
/// </summary>
public sealed class VectorLaneEmitter : ILaneEmitter
{
    /// <summary>Four points per <see cref="Vector256{T}"/>.</summary>
    public static VectorLaneEmitter Four { get; } = new(VectorMethods.Four);

    /// <summary>Eight points per <see cref="Vector512{T}"/>.</summary>
    public static VectorLaneEmitter Eight { get; } = new(VectorMethods.Eight);

    /// <summary>
    /// The widest vector this processor runs natively: eight lanes with AVX-512 (unless the runtime was told to
    /// prefer 256 bits, <c>DOTNET_PreferredVectorBitWidth=256</c>), else four.
    /// </summary>
    public static VectorLaneEmitter Widest => Vector512.IsHardwareAccelerated ? Eight : Four;

    private readonly PowShortcuts _powShortcuts;

    private VectorLaneEmitter(VectorMethods methods)
    {
        Methods = methods;
        _powShortcuts = new PowShortcuts(this);
    }

    internal VectorMethods Methods { get; }

    /// <inheritdoc />
    public int Lanes => Methods.Lanes;

    /// <inheritdoc />
    public Type ValueType => Methods.Vector;

    /// <inheritdoc />
    public void EmitConstant(ILGenerator il, double value)
    {
        il.Emit(OpCodes.Ldc_R8, value);
        il.Emit(OpCodes.Call, Methods.Broadcast);
    }

    /// <inheritdoc />
    public int EstimatedSize(Instruction instruction) => instruction.Op switch
    {
        IrOp.PowFromLog or IrOp.PowBaseSlope => 120,
        IrOp.Below or IrOp.Less or IrOp.LessEqual or IrOp.Equal or IrOp.NotEqual or IrOp.Select or IrOp.ZeroWhereZero => 20,
        // Constant operands are a load and a broadcast; lane by lane, each operand is a load, a lane number and a call.
        var op when Methods.NativeOf(op) is not null => 2 * instruction.Arity + 4,
        _ => Lanes * (3 * instruction.Arity + 1) + 4,
    };

    /// <inheritdoc />
    public void EmitInstruction(ILGenerator il, Instruction instruction, Action<Term> load)
    {
        var (a, b) = (instruction.A, instruction.B);
        switch (instruction.Op)
        {
            case IrOp.Below:
                // a < b ? 1 : (a > b ? 0 : ½), lane-wise, with the scalar's values exactly.
                Compare(Methods.LessThan);
                EmitConstant(il, 1);
                Compare(Methods.GreaterThan);
                EmitConstant(il, 0);
                EmitConstant(il, 0.5);
                il.Emit(OpCodes.Call, Methods.ConditionalSelect);
                il.Emit(OpCodes.Call, Methods.ConditionalSelect);
                return;
            case IrOp.PowFromLog or IrOp.PowBaseSlope:
                _powShortcuts.Emit(il, instruction, load);
                return;
            case IrOp.Less: Truth(Methods.LessThan); return;
            case IrOp.LessEqual: Truth(Methods.LessThanOrEqual); return;
            case IrOp.Equal: Truth(Methods.EqualTo); return;
            case IrOp.NotEqual: Truth(Methods.EqualTo, negate: true); return;
            case IrOp.Select:
                Select(() => load(b), () => load(instruction.C));
                return;
            case IrOp.ZeroWhereZero:
                Select(() => load(b), () => EmitConstant(il, 0));
                return;
        }
        if (Methods.NativeOf(instruction.Op) is { } native)
        {
            foreach (var operand in instruction.Operands) load(operand);
            il.Emit(OpCodes.Call, native);
            return;
        }
        var scalar = ScalarMethods.Of(instruction.Op)
            ?? throw new InvalidOperationException($"No vector emission for {instruction.Op}.");
        for (int lane = 0; lane < Lanes; lane++)
        {
            foreach (var operand in instruction.Operands) Lane(operand, lane);
            il.Emit(OpCodes.Call, scalar);
        }
        il.Emit(OpCodes.Call, Methods.FromLanes);

        void Lane(Term operand, int lane)
        {
            if (operand.IsConstant)
            {
                il.Emit(OpCodes.Ldc_R8, operand.Constant);
                return;
            }
            load(operand);
            il.Emit(OpCodes.Ldc_I4, lane);
            il.Emit(OpCodes.Call, Methods.GetElement);
        }

        void Compare(System.Reflection.MethodInfo compare)
        {
            load(a);
            load(b);
            il.Emit(OpCodes.Call, compare);
        }

        // A comparison's lanes (all ones where true, false for NaN except after negation) as 1.0 or 0.0: the bits of 1.0 or none.
        void Truth(System.Reflection.MethodInfo compare, bool negate = false)
        {
            Compare(compare);
            if (negate) il.Emit(OpCodes.Call, Methods.OnesComplement);
            EmitConstant(il, 1);
            il.Emit(OpCodes.Call, Methods.BitwiseAnd);
        }

        // Per lane: what nonZero pushes where a is nonzero (NaN included), else what zero pushes; no branch.
        void Select(Action nonZero, Action zero)
        {
            load(a);
            EmitConstant(il, 0);
            il.Emit(OpCodes.Call, Methods.EqualTo);
            zero();
            nonZero();
            il.Emit(OpCodes.Call, Methods.ConditionalSelect);
        }
    }
}
