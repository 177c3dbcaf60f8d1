using System.Reflection.Emit;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>Emits instructions on scalar doubles: IL opcodes where there is one, else the <see cref="ScalarMethods"/>.</summary>
public sealed class ScalarLaneEmitter : ILaneEmitter
{
    /// <summary>The one instance.</summary>
    public static readonly ScalarLaneEmitter Instance = new();

    private ScalarLaneEmitter() { }

    /// <inheritdoc />
    public Type ValueType => typeof(double);

    /// <inheritdoc />
    public void EmitConstant(ILGenerator il, double value) => il.Emit(OpCodes.Ldc_R8, value);

    /// <inheritdoc />
    public void EmitInstruction(ILGenerator il, Instruction instruction, Action<Term> load)
    {
        var (a, b) = (instruction.A, instruction.B);
        switch (instruction.Op)
        {
            case IrOp.Add: Binary(OpCodes.Add); break;
            case IrOp.Sub: Binary(OpCodes.Sub); break;
            case IrOp.Mul: Binary(OpCodes.Mul); break;
            case IrOp.Div: Binary(OpCodes.Div); break;
            case IrOp.Neg: load(a); il.Emit(OpCodes.Neg); break;
            case IrOp.Below:
                // ((a < b) − (a > b))·½ + ½, branch-free; unordered compares give 0 so NaN yields ½.
                Compare(OpCodes.Clt);
                Compare(OpCodes.Cgt);
                il.Emit(OpCodes.Sub);
                il.Emit(OpCodes.Ldc_R8, 0.5);
                il.Emit(OpCodes.Mul);
                il.Emit(OpCodes.Ldc_R8, 0.5);
                il.Emit(OpCodes.Add);
                break;
            case IrOp.ZeroWhereZero:
                var nonZero = il.DefineLabel();
                var done = il.DefineLabel();
                load(a);
                il.Emit(OpCodes.Ldc_R8, 0.0);
                il.Emit(OpCodes.Bne_Un, nonZero);
                il.Emit(OpCodes.Ldc_R8, 0.0);
                il.Emit(OpCodes.Br, done);
                il.MarkLabel(nonZero);
                load(b);
                il.MarkLabel(done);
                break;
            default:
                var method = ScalarMethods.Of(instruction.Op)
                    ?? throw new InvalidOperationException($"No scalar emission for {instruction.Op}.");
                load(a);
                if (instruction.Arity == 2) load(b);
                il.Emit(OpCodes.Call, method);
                break;
        }

        void Binary(OpCode opcode)
        {
            load(a);
            load(b);
            il.Emit(opcode);
        }

        void Compare(OpCode opcode)
        {
            load(a);
            load(b);
            il.Emit(opcode);
            il.Emit(OpCodes.Conv_R8);
        }
    }
}
