namespace Elim.Backend.Program;

/// <summary>
/// Maps program values to local slots by liveness over the straight-line code, so a method needs only
/// as many locals as values live at once (the JIT optimises poorly beyond about 2,000 locals).
/// </summary>
internal static class RegisterAllocation
{
    /// <summary>
    /// Slots for the values defined in instructions [<paramref name="start"/>, <paramref name="end"/>) (index id − start),
    /// live until their last read within that range, and the number of slots; values defined before the range are not
    /// in slots (a chunk reads them from scratch).
    /// </summary>
    public static (int[] Registers, int Count) Allocate(IReadOnlyList<Instruction> instructions, int start, int end)
    {
        // A value lives from its definition (where its stores are also emitted) to its last read.
        var lastUse = new int[end - start];
        for (int i = start; i < end; i++)
        {
            lastUse[i - start] = i;
            var instruction = instructions[i];
            for (int j = 0; j < instruction.Arity; j++)
            {
                var operand = instruction.Operand(j);
                if (!operand.IsConstant && operand.Value >= start) lastUse[operand.Value - start] = i;
            }
        }
        var registers = new int[end - start];
        var free = new Stack<int>();
        int count = 0;
        for (int i = start; i < end; i++)
        {
            // Operands are on the evaluation stack before the result is stored, so their slots may be reused.
            var instruction = instructions[i];
            for (int j = 0; j < instruction.Arity; j++)
            {
                var operand = instruction.Operand(j);
                bool repeated = j > 0 && operand == instruction.Operand(j - 1) || j > 1 && operand == instruction.Operand(0);
                if (!repeated && !operand.IsConstant && operand.Value >= start && lastUse[operand.Value - start] == i)
                    free.Push(registers[operand.Value - start]);
            }
            registers[i - start] = free.Count > 0 ? free.Pop() : count++;
            if (lastUse[i - start] == i) free.Push(registers[i - start]);
        }
        return (registers, count);
    }
}
