using System.Reflection;
using System.Reflection.Emit;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>Emits instructions on scalar doubles: IL opcodes where there is one, else the <see cref="ScalarMethods"/>.</summary>
public sealed class ScalarLaneEmitter : ILaneEmitter
{
    /// <summary>The one instance.</summary>
    public static readonly ScalarLaneEmitter Instance = new();

    private static readonly MethodInfo MathAbs = typeof(Math).GetMethod(nameof(Math.Abs), [typeof(double)])!;
    private static readonly MethodInfo MathPow = typeof(Math).GetMethod(nameof(Math.Pow), [typeof(double), typeof(double)])!;

    private ScalarLaneEmitter() { }

    /// <inheritdoc />
    public int Lanes => 1;

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
            // Comparisons as 1 or 0; unordered (NaN) operands make clt, cgt and ceq give 0, cgt.un 1.
            case IrOp.Less: Compare(OpCodes.Clt); break;
            case IrOp.LessEqual: Compare(OpCodes.Cgt_Un, negate: true); break;
            case IrOp.Equal: Compare(OpCodes.Ceq); break;
            case IrOp.NotEqual: Compare(OpCodes.Ceq, negate: true); break;
            case IrOp.Select:
                Select(il, a, load, () => load(b), () => load(instruction.C));
                break;
            case IrOp.ZeroWhereZero:
                Select(il, a, load, () => load(b), PushZero);
                break;
            case IrOp.PowBaseSlope:
                Select(il, b, load, () => EmitQuotientOrPower(il, a, b, instruction.C, load), PushZero);
                break;
            case IrOp.PowFromLog:
                // The logarithm is there for the vector code; Math.Pow keeps the interpreter's values.
                load(a);
                load(b);
                il.Emit(OpCodes.Call, MathPow);
                break;
            default:
                var method = ScalarMethods.Of(instruction.Op)
                    ?? throw new InvalidOperationException($"No scalar emission for {instruction.Op}.");
                foreach (var operand in instruction.Operands) load(operand);
                il.Emit(OpCodes.Call, method);
                break;
        }

        void Binary(OpCode opcode)
        {
            load(a);
            load(b);
            il.Emit(opcode);
        }

        void Compare(OpCode opcode, bool negate = false)
        {
            load(a);
            load(b);
            il.Emit(opcode);
            if (negate)
            {
                il.Emit(OpCodes.Ldc_I4_0);
                il.Emit(OpCodes.Ceq);
            }
            il.Emit(OpCodes.Conv_R8);
        }

        void PushZero() => il.Emit(OpCodes.Ldc_R8, 0.0);
    }

    /// <inheritdoc />
    public int EstimatedSize(Instruction instruction) => instruction.Op switch
    {
        IrOp.PowBaseSlope => 40,
        IrOp.Below or IrOp.Select or IrOp.ZeroWhereZero => 12,
        _ => instruction.Arity + 4,
    };

    /// <summary>
    /// Pushes what <paramref name="nonZero"/> pushes where <paramref name="test"/> is nonzero (NaN included), else what
    /// <paramref name="zero"/> pushes: a short branch that picks one value, never arithmetic on both (so a NaN in the value
    /// not picked stays out).
    /// </summary>
    private static void Select(ILGenerator il, Term test, Action<Term> load, Action nonZero, Action zero)
    {
        var isNonZero = il.DefineLabel();
        var done = il.DefineLabel();
        load(test);
        il.Emit(OpCodes.Ldc_R8, 0.0);
        il.Emit(OpCodes.Bne_Un, isNonZero);
        zero();
        il.Emit(OpCodes.Br, done);
        il.MarkLabel(isNonZero);
        nonZero();
        il.MarkLabel(done);
    }

    /// <summary>
    /// The b ≠ 0 case of <see cref="Elim.Graph.SpecialFunctions.PowBaseSlope"/> written out in IL (so exported
    /// assemblies and GPU kernels need no Elim assembly): b·(r/a) where r and r/a are normal, else b·a^(b−1).
    /// </summary>
    private static void EmitQuotientOrPower(ILGenerator il, Term a, Term b, Term r, Action<Term> load)
    {
        var quotient = il.DeclareLocal(typeof(double));
        var slow = il.DefineLabel();
        var done = il.DefineLabel();
        load(r);
        load(a);
        il.Emit(OpCodes.Div);
        il.Emit(OpCodes.Stloc, quotient);
        BranchUnlessNormal(() => load(r));
        BranchUnlessNormal(() => il.Emit(OpCodes.Ldloc, quotient));
        load(b);
        il.Emit(OpCodes.Ldloc, quotient);
        il.Emit(OpCodes.Mul);
        il.Emit(OpCodes.Br, done);
        il.MarkLabel(slow);
        load(b);
        load(a);
        load(b);
        il.Emit(OpCodes.Ldc_R8, 1.0);
        il.Emit(OpCodes.Sub);
        il.Emit(OpCodes.Call, MathPow);
        il.Emit(OpCodes.Mul);
        il.MarkLabel(done);

        // Unordered compares branch too, so NaN takes the slow path.
        void BranchUnlessNormal(Action push)
        {
            push();
            il.Emit(OpCodes.Call, MathAbs);
            il.Emit(OpCodes.Ldc_R8, 2.2250738585072014E-308);
            il.Emit(OpCodes.Blt_Un, slow);
            push();
            il.Emit(OpCodes.Call, MathAbs);
            il.Emit(OpCodes.Ldc_R8, double.MaxValue);
            il.Emit(OpCodes.Bgt_Un, slow);
        }
    }
}
