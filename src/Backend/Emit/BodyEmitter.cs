using System.Reflection.Emit;
using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// Emits a <see cref="JacobianProgram"/>, or one of its <see cref="ProgramChunks"/>, as straight-line IL: one local per
/// register, each instruction computed into its register, each result stored right after its value is computed, and
/// in a chunk each value a later chunk reads written to its scratch slot, each value of an earlier chunk read from there.
/// </summary>
public static class BodyEmitter
{
    /// <summary>
    /// Emits the whole program as one body for the current point(s) of <paramref name="access"/> (for code whose compiler
    /// has no size cliff, such as GPU kernels).
    /// </summary>
    public static void Emit(ILGenerator il, JacobianProgram program, ILaneEmitter lanes, IElementAccess access) =>
        EmitChunk(il, program, ProgramChunks.Whole(program), 0, lanes, access, scratch: null, constantStores: true, groupLanes: false);

    /// <summary>
    /// Emits chunk <paramref name="chunk"/> of <paramref name="chunks"/>, declaring its registers; <paramref name="scratch"/>
    /// (null for a whole program) holds the values that cross chunks; with <paramref name="constantStores"/> the
    /// constant results are stored first (else the caller emits them once, <see cref="EmitConstantStores"/>); with
    /// <paramref name="groupLanes"/> the sines and cosines, square roots and divisions ready together are computed
    /// together on scalar lanes (<see cref="LaneGroups"/>; code for the CPU: ILGPU cannot compile those calls).
    /// </summary>
    internal static void EmitChunk(ILGenerator il, JacobianProgram program, ProgramChunks chunks, int chunk, ILaneEmitter lanes,
        IElementAccess access, IScratchAccess? scratch, bool constantStores, bool groupLanes)
    {
        var part = chunks.Chunks[chunk];
        var registers = new LocalBuilder[part.RegisterCount];
        for (int r = 0; r < registers.Length; r++) registers[r] = il.DeclareLocal(lanes.ValueType);
        if (constantStores) EmitConstantStores(il, program, lanes, access);
        var groups = groupLanes ? LaneGroups.Find(program, part.Start, part.End, lanes) : LaneGroups.None;
        var onStack = StackTrees.Find(program, chunks, chunk, groups);
        for (int id = part.Start; id < part.End; id++)
        {
            if (onStack[id - part.Start]) continue; // computed where its one reader loads it
            Push(id);
            var register = registers[part.Register(id)];
            il.Emit(OpCodes.Stloc, register);
            if (chunks.ScratchSlot(id) is var slot and >= 0) scratch!.EmitStore(il, slot, () => il.Emit(OpCodes.Ldloc, register));
            foreach (int s in program.StoresAfter(id)) EmitStore(program.Stores[s]);
        }

        void Push(int id)
        {
            var instruction = program.Instructions[id];
            if (groups.TryEmit(il, id, instruction, Load)) return;
            switch (instruction.Op)
            {
                case IrOp.Input: access.EmitLoadInput(il, instruction.Index); break;
                case IrOp.Data: access.EmitLoadData(il, instruction.Index); break;
                default: lanes.EmitInstruction(il, instruction, Load); break;
            }
        }

        void Load(Term term)
        {
            if (term.IsConstant) lanes.EmitConstant(il, term.Constant);
            else if (!part.Defines(term.Value)) scratch!.EmitLoad(il, chunks.ScratchSlot(term.Value));
            else if (onStack[term.Value - part.Start]) Push(term.Value);
            else il.Emit(OpCodes.Ldloc, registers[part.Register(term.Value)]);
        }

        void EmitStore(Store store) => access.EmitStore(il, store.Target, store.Index, () =>
        {
            if (store.Value.Negated) lanes.EmitInstruction(il, new Instruction(IrOp.Neg, store.Value.Magnitude, Term.Zero, 0), Load);
            else Load(store.Value);
        });
    }

    /// <summary>
    /// Emits the stores of constant results (structural zeros, constant partials): each run of consecutive slots as
    /// whole-vector stores where the access allows (as gcc's store merging does for native code: a single point's many
    /// stores of zeros and ±1 can cost as much as its arithmetic, perf/results/design-measurements.md), the rest one by one.
    /// </summary>
    public static void EmitConstantStores(ILGenerator il, JacobianProgram program, ILaneEmitter lanes, IElementAccess access)
    {
        foreach (var (target, index, values) in ConstantRuns(program))
        {
            for (int k = access.EmitConstantBlock(il, target, index, values); k < values.Count; k++)
            {
                double value = values[k];
                access.EmitStore(il, target, index + k, () => lanes.EmitConstant(il, value));
            }
        }
    }

    /// <summary>The constant stores as runs of consecutive slots of one target, in slot order.</summary>
    private static IEnumerable<(StoreTarget Target, int Index, List<double> Values)> ConstantRuns(JacobianProgram program)
    {
        var stores = program.ConstantStores.Select(s => program.Stores[s]).OrderBy(s => s.Target).ThenBy(s => s.Index);
        (StoreTarget Target, int Index, List<double> Values)? run = null;
        foreach (var store in stores)
        {
            if (run is { } open && open.Target == store.Target && open.Index + open.Values.Count == store.Index)
            {
                open.Values.Add(store.Value.Constant);
                continue;
            }
            if (run is { } done) yield return done;
            run = (store.Target, store.Index, [store.Value.Constant]);
        }
        if (run is { } last) yield return last;
    }
}
