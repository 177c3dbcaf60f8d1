namespace Elim.Backend.Program;

/// <summary>
/// Maps program values to local slots by liveness over the straight-line code, so a method needs only
/// as many locals as values live at once (the JIT optimises poorly beyond about 2,000 locals).
/// </summary>
internal static class RegisterAllocation
{
    /// <summary>Slot per value id, and the number of slots.</summary>
    public static (int[] Registers, int Count) Allocate(IReadOnlyList<Instruction> instructions)
    {
        // A value lives from its definition (where its stores are also emitted) to its last read.
        var lastUse = new int[instructions.Count];
        for (int i = 0; i < instructions.Count; i++)
        {
            lastUse[i] = i;
            foreach (var operand in instructions[i].Operands.Where(o => !o.IsConstant)) lastUse[operand.Value] = i;
        }
        var registers = new int[instructions.Count];
        var free = new Stack<int>();
        int count = 0;
        for (int i = 0; i < instructions.Count; i++)
        {
            // Operands are on the evaluation stack before the result is stored, so their slots may be reused.
            foreach (var operand in instructions[i].Operands.Distinct()) Release(operand, i);
            registers[i] = free.Count > 0 ? free.Pop() : count++;
            if (lastUse[i] == i) free.Push(registers[i]);
        }
        return (registers, count);

        void Release(Term operand, int at)
        {
            if (!operand.IsConstant && lastUse[operand.Value] == at) free.Push(registers[operand.Value]);
        }
    }
}
