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

    public void EmitConstant(ILGenerator il, double value, CallEmitter calls) => ScalarLaneEmitter.Instance.EmitConstant(il, value, calls);

    public void EmitInstruction(ILGenerator il, Instruction instruction, Action<Term> load, CallEmitter calls)
    {
        var replacement = KernelMath.Of(instruction.Op);
        if (replacement is null)
        {
            ScalarLaneEmitter.Instance.EmitInstruction(il, instruction, load, calls);
            return;
        }
        load(instruction.A);
        if (instruction.Arity == 2) load(instruction.B);
        calls.Emit(il, replacement);
    }
}
