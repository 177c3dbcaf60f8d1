using System.Reflection.Emit;
using Elim.Backend.Emit;
using Elim.Backend.Program;

namespace Elim.Gpu.Emit;

/// <summary>
/// Scalar double lanes for ILGPU kernels: the CPU backend's <see cref="ScalarLaneEmitter"/>, except the
/// operations ILGPU cannot compile from <see cref="Math"/>, which call <see cref="KernelMath"/> instead.
/// </summary>
internal sealed class GpuLaneEmitter : ILaneEmitter
{
    public static readonly GpuLaneEmitter Instance = new();

    private GpuLaneEmitter() { }

    public Type ValueType => typeof(double);

    public void EmitConstant(ILGenerator il, double value) => ScalarLaneEmitter.Instance.EmitConstant(il, value);

    public void EmitInstruction(ILGenerator il, Instruction instruction, Action<Term> load)
    {
        var replacement = KernelMath.Of(instruction.Op);
        if (replacement is null)
        {
            ScalarLaneEmitter.Instance.EmitInstruction(il, instruction, load);
            return;
        }
        load(instruction.A);
        if (instruction.Arity == 2) load(instruction.B);
        il.Emit(OpCodes.Call, replacement);
    }
}
