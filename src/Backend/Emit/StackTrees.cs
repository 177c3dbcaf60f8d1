using Elim.Backend.Program;

namespace Elim.Backend.Emit;

/// <summary>
/// The values of a chunk that stay on the IL evaluation stack instead of passing through a local: each is read once,
/// by an addition, subtraction, multiplication, division or negation, and is computed by the instructions right
/// before that reader (its operands pushed last, in order). Such a value is emitted where its reader loads it, as a
/// tree of IL. About half the values of a big Jacobian qualify (an elimination's product read by the sum next to it),
/// and every local store and load left out is JIT work saved; no local is written between the tree's first
/// instruction and its reader, so the locals it reads still hold their values there.
/// </summary>
internal static class StackTrees
{
    /// <summary>
    /// Per value of chunk <paramref name="chunk"/> (index id − start): whether its reader computes it in place; members of
    /// <paramref name="groups"/> are neither kept nor readers of kept values.
    /// </summary>
    public static bool[] Find(JacobianProgram program, ProgramChunks chunks, int chunk, LaneGroups groups)
    {
        var part = chunks.Chunks[chunk];
        int start = part.Start;
        var instructions = program.Instructions;
        var reads = new int[part.End - start];
        for (int id = start; id < part.End; id++)
        {
            var instruction = instructions[id];
            for (int j = 0; j < instruction.Arity; j++)
                if (instruction.Operand(j) is { IsConstant: false, Value: var value } && value >= start) reads[value - start]++;
        }
        var kept = new bool[part.End - start];
        var treeStart = new int[part.End - start];  // the first instruction of the tree that computes each value
        for (int id = start; id < part.End; id++)
        {
            var instruction = instructions[id];
            int before = id - 1;                    // the last instruction not yet in this value's tree
            if (instruction.Op is IrOp.Add or IrOp.Sub or IrOp.Mul or IrOp.Div or IrOp.Neg && !groups.Contains(id)) // a group loads its operands at its first member
            {
                // The last operand is pushed last, so it is the one computed right before the reader.
                for (int j = instruction.Arity - 1; j >= 0; j--)
                {
                    var operand = instruction.Operand(j);
                    if (operand.IsConstant) continue;
                    if (operand.Value != before || !Keepable(operand.Value)) break;
                    kept[operand.Value - start] = true;
                    before = treeStart[operand.Value - start] - 1;
                }
            }
            treeStart[id - start] = before + 1;
        }
        return kept;

        // Grouped values are computed at the group's first member, not where they are read.
        bool Keepable(int value) => value >= start && reads[value - start] == 1 && program.StoresAfter(value).Count == 0
            && chunks.ScratchSlot(value) < 0 && !groups.Contains(value);
    }
}
