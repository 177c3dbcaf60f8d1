namespace Elim.Backend.Program;

/// <summary>
/// The order of a big program's instructions. Lowering leaves them in elimination order, where every edge value lives
/// until the step that last reads it: on some programs (perf/Scale's f) hundreds of thousands of values are alive at
/// once, and a big program's chunks pass every one of them through scratch memory. Depth first from the stores, each
/// value is computed just before the first store that needs it; a program takes that order when it keeps fewer values
/// alive at once (perf/results/design-measurements.md). The instructions and their values are the same, so are the
/// numbers.
/// </summary>
internal static class DepthFirstSchedule
{
    /// <summary>Instructions below which a program keeps its order (its code is one method or a few).</summary>
    public const int MinInstructions = 10_000;

    /// <summary>
    /// <paramref name="instructions"/> (every one needed by a store) and <paramref name="stores"/>, in depth-first order
    /// if the program is big and that keeps fewer values alive at once, else as they are.
    /// </summary>
    public static (Instruction[] Instructions, Store[] Stores) Apply(Instruction[] instructions, Store[] stores)
    {
        if (instructions.Length < MinInstructions) return (instructions, stores);
        var operands = OperandIds(instructions);
        var order = DepthFirstOrder(operands, stores);
        return MostAlive(operands, order) < MostAlive(operands, order: null) ? Renumbered(instructions, stores, order) : (instructions, stores);
    }

    /// <summary>
    /// The program renumbered in depth-first post-order from the stores, in store order (operands in operand order):
    /// each instruction right after the last of its operands not yet computed.
    /// </summary>
    public static (Instruction[] Instructions, Store[] Stores) DepthFirst(Instruction[] instructions, Store[] stores) =>
        Renumbered(instructions, stores, DepthFirstOrder(OperandIds(instructions), stores));

    /// <summary>The most values alive at once when the instructions run in order (a value lives from its instruction to its last reader).</summary>
    public static int MostAlive(Instruction[] instructions) => MostAlive(OperandIds(instructions), order: null);

    // The values each instruction reads, three per instruction (−1 for a constant or past its arity): the passes below
    // read 12 bytes an instruction instead of its 56, which matters at millions of instructions.
    private static int[] OperandIds(Instruction[] instructions)
    {
        var ids = new int[3 * instructions.Length];
        for (int id = 0; id < instructions.Length; id++)
        {
            ref readonly var instruction = ref instructions[id];
            int arity = instruction.Arity;
            for (int j = 0; j < 3; j++) ids[3 * id + j] = j < arity && instruction.Operand(j) is { IsConstant: false } operand ? operand.Value : -1;
        }
        return ids;
    }

    // The value ids in depth-first post-order from the stores.
    private static int[] DepthFirstOrder(int[] operands, Store[] stores)
    {
        var placed = new bool[operands.Length / 3];
        var order = new int[placed.Length];
        int count = 0;
        var pending = new Stack<(int Id, int NextOperand)>();
        foreach (var store in stores)
        {
            if (store.Value.IsConstant) continue;
            pending.Push((store.Value.Value, 0));
            while (pending.TryPop(out var top))
            {
                var (id, next) = top;
                if (placed[id]) continue;
                while (next < 3 && operands[3 * id + next] is var operand && (operand < 0 || placed[operand])) next++;
                if (next < 3)
                {
                    pending.Push((id, next + 1));
                    pending.Push((operands[3 * id + next], 0));
                    continue;
                }
                placed[id] = true;
                order[count++] = id;
            }
        }
        System.Diagnostics.Debug.Assert(count == order.Length, "every instruction is needed by a store");
        return order;
    }

    // The most values alive at once when the instructions run in this order (null: as they are).
    private static int MostAlive(int[] operands, int[]? order)
    {
        int count = operands.Length / 3;
        var positionOf = new int[count];
        for (int position = 0; position < count; position++) positionOf[order?[position] ?? position] = position;
        var lastRead = (int[])positionOf.Clone();
        for (int position = 0; position < count; position++)
        {
            int id = order?[position] ?? position;
            for (int j = 0; j < 3; j++)
            {
                if (operands[3 * id + j] is var operand and >= 0) lastRead[operand] = position;
            }
        }
        var change = new int[count + 1];
        for (int id = 0; id < count; id++)
        {
            change[positionOf[id]]++;
            change[lastRead[id] + 1]--;
        }
        int alive = 0, most = 0;
        foreach (int delta in change) most = Math.Max(most, alive += delta);
        return most;
    }

    private static (Instruction[] Instructions, Store[] Stores) Renumbered(Instruction[] instructions, Store[] stores, int[] order)
    {
        var newId = new int[instructions.Length];
        for (int position = 0; position < order.Length; position++) newId[order[position]] = position;
        var renumbered = new Instruction[instructions.Length];
        for (int position = 0; position < order.Length; position++)
        {
            ref readonly var instruction = ref instructions[order[position]];
            renumbered[position] = instruction with { A = Renumber(instruction.A), B = Renumber(instruction.B), C = Renumber(instruction.C) };
        }
        return (renumbered, Array.ConvertAll(stores, store => store with { Value = Renumber(store.Value) }));

        Term Renumber(Term term)
        {
            if (term.IsConstant) return term;
            var renamed = Term.OfValue(newId[term.Value]);
            return term.Negated ? renamed.Negate() : renamed;
        }
    }
}
