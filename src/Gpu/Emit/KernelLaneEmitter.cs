using System.Reflection;
using System.Reflection.Emit;
using Elim.Backend.Emit;
using Elim.Backend.Program;

namespace Elim.Gpu.Emit;

/// <summary>
/// <see cref="ScalarLaneEmitter"/> for ILGPU kernels, with two changes that CUDA needs (the CPU accelerator runs either
/// form correctly, so only a GPU shows the difference):
/// <list type="bullet">
/// <item>Comparisons push 0.0 or 1.0 by a short branch: ILGPU 1.5.3's PTX backend turns a comparison converted with
/// <c>conv.r8</c> into the bit pattern 1 (a denormal) instead of 1.0, which zeroed abs' derivative on an H200.</item>
/// <item>asinh, acosh and atanh call <see cref="KernelMath"/>: ILGPU has no CUDA mapping for them.</item>
/// </list>
/// </summary>
internal sealed class KernelLaneEmitter : ILaneEmitter
{
    public static readonly KernelLaneEmitter Instance = new();

    private static readonly Dictionary<IrOp, MethodInfo> Replacements = new()
    {
        [IrOp.Asinh] = typeof(KernelMath).GetMethod(nameof(KernelMath.Asinh))!,
        [IrOp.Acosh] = typeof(KernelMath).GetMethod(nameof(KernelMath.Acosh))!,
        [IrOp.Atanh] = typeof(KernelMath).GetMethod(nameof(KernelMath.Atanh))!,
    };

    private readonly ScalarLaneEmitter _scalar = ScalarLaneEmitter.Instance;

    private KernelLaneEmitter() { }

    public int Lanes => _scalar.Lanes;

    public Type ValueType => _scalar.ValueType;

    public void EmitConstant(ILGenerator il, double value) => _scalar.EmitConstant(il, value);

    public void EmitInstruction(ILGenerator il, Instruction instruction, Action<Term> load)
    {
        var (a, b) = (instruction.A, instruction.B);
        switch (instruction.Op)
        {
            // Unordered (NaN) operands branch as the scalar emitter's compares evaluate: clt, cgt and ceq are false.
            case IrOp.Less: Choose([(OpCodes.Blt, 1.0)], 0.0); break;
            case IrOp.LessEqual: Choose([(OpCodes.Bgt_Un, 0.0)], 1.0); break;
            case IrOp.Equal: Choose([(OpCodes.Beq, 1.0)], 0.0); break;
            case IrOp.NotEqual: Choose([(OpCodes.Beq, 0.0)], 1.0); break;
            case IrOp.Below: Choose([(OpCodes.Blt, 1.0), (OpCodes.Bgt, 0.0)], 0.5); break;   // ½ where equal or NaN
            default:
                if (Replacements.TryGetValue(instruction.Op, out var method))
                {
                    load(a);
                    il.Emit(OpCodes.Call, method);
                }
                else
                {
                    _scalar.EmitInstruction(il, instruction, load);
                }
                break;
        }

        // Tries each branch on (a, b) in turn, pushing its value when taken, else pushes otherwise.
        void Choose((OpCode Branch, double Value)[] cases, double otherwise)
        {
            var done = il.DefineLabel();
            var targets = cases.Select(_ => il.DefineLabel()).ToArray();
            for (int k = 0; k < cases.Length; k++)
            {
                load(a);
                load(b);
                il.Emit(cases[k].Branch, targets[k]);
            }
            il.Emit(OpCodes.Ldc_R8, otherwise);
            il.Emit(OpCodes.Br, done);
            for (int k = 0; k < cases.Length; k++)
            {
                il.MarkLabel(targets[k]);
                il.Emit(OpCodes.Ldc_R8, cases[k].Value);
                il.Emit(OpCodes.Br, done);
            }
            il.MarkLabel(done);
        }
    }

    public int EstimatedSize(Instruction instruction) => _scalar.EstimatedSize(instruction);
}
