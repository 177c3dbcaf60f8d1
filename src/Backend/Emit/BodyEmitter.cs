using System.Reflection.Emit;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// Emits a <see cref="JacobianProgram"/> as straight-line IL: one local per register, each instruction
/// computed into its register, each result stored right after its value is computed.
/// </summary>
public static class BodyEmitter
{
    /// <summary>Declares the locals of <paramref name="program"/> in <paramref name="il"/> (once per method).</summary>
    public static LocalBuilder[] DeclareRegisters(ILGenerator il, JacobianProgram program, ILaneEmitter lanes) =>
        Enumerable.Range(0, program.RegisterCount).Select(_ => il.DeclareLocal(lanes.ValueType)).ToArray();

    /// <summary>
    /// Emits the body for the current point(s) of <paramref name="access"/>, calling methods through <paramref name="calls"/>;
    /// without <paramref name="constantStores"/> the caller emits those once (<see cref="EmitConstantStores"/>).
    /// </summary>
    public static void Emit(ILGenerator il, JacobianProgram program, ILaneEmitter lanes, IElementAccess access, LocalBuilder[] registers,
        CallEmitter calls, bool constantStores = true)
    {
        if (constantStores) EmitConstantStores(il, program, lanes, access, calls);
        for (int id = 0; id < program.Instructions.Count; id++)
        {
            var instruction = program.Instructions[id];
            switch (instruction.Op)
            {
                case IrOp.Input: access.EmitLoadInput(il, instruction.Index); break;
                case IrOp.Data: access.EmitLoadData(il, instruction.Index); break;
                default: lanes.EmitInstruction(il, instruction, Load, calls); break;
            }
            il.Emit(OpCodes.Stloc, registers[program.Registers[id]]);
            foreach (int s in program.StoresAfter(id)) EmitStore(program.Stores[s]);
        }

        void Load(Term term)
        {
            if (term.IsConstant) lanes.EmitConstant(il, term.Constant, calls);
            else il.Emit(OpCodes.Ldloc, registers[program.Registers[term.Value]]);
        }

        void EmitStore(Store store) => access.EmitStore(il, store.Target, store.Index, () =>
        {
            if (store.Value.Negated) lanes.EmitInstruction(il, new Instruction(IrOp.Neg, store.Value.Magnitude, Term.Zero, 0), Load, calls);
            else Load(store.Value);
        });
    }

    /// <summary>Emits the stores of constant results (structural zeros, constant partials).</summary>
    public static void EmitConstantStores(ILGenerator il, JacobianProgram program, ILaneEmitter lanes, IElementAccess access, CallEmitter calls)
    {
        foreach (int s in program.ConstantStores)
        {
            var store = program.Stores[s];
            access.EmitStore(il, store.Target, store.Index, () => lanes.EmitConstant(il, store.Value.Constant, calls));
        }
    }
}
