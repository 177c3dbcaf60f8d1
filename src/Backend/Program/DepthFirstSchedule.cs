namespace Elim.Backend.Program;

/// <summary>
/// The live instructions of a program and their order. Lowering leaves them in elimination order, dead ones among them,
/// where every edge value lives until the step that last reads it: on some programs (perf/Scale's f) hundreds of
/// thousands of values are alive at once, and a big program's chunks pass every one of them through scratch memory.
/// Depth first from the stores, each value is computed just before the first store that needs it; a big program takes
/// that order when it keeps fewer values alive at once (perf/results/design-measurements.md). The instructions and
/// their values are the same, so are the numbers. The instructions are copied once, in the chosen order: a big program
/// has millions of them.
/// </summary>
internal static class DepthFirstSchedule
{
    /// <summary>Instructions below which a program keeps its order (its code is one method or a few).</summary>
    public const int MinInstructions = 10_000;

    /// <summary>
    /// The instructions of <paramref name="builder"/> that some store needs, renumbered in depth-first order if there are
    /// many and that keeps fewer values alive at once, else in their order; the stores renumbered to them; and how many
    /// of them are multiplications of elimination steps.
    /// </summary>
    public static (Instruction[] Instructions, Store[] Stores, int LiveProducts) Apply(ProgramBuilder builder, IReadOnlyList<Store> stores)
    {
        var instructions = builder.Instructions;
        var operands = OperandIds(instructions);
        var depthFirst = DepthFirstOrder(operands, stores);
        var inOrder = InIdOrder(depthFirst, instructions.Count);
        var order = depthFirst.Length >= MinInstructions && MostAlive(operands, depthFirst) < MostAlive(operands, inOrder) ? depthFirst : inOrder;
        int products = 0;
        foreach (int id in order) products += builder.IsEliminationProduct(id) ? 1 : 0;
        var (renumbered, renumberedStores) = Renumbered(instructions, stores, order);
        return (renumbered, renumberedStores, products);
    }

    /// <summary>
    /// The program renumbered in depth-first post-order from the stores, in store order (operands in operand order):
    /// each instruction right after the last of its operands not yet computed.
    /// </summary>
    public static (Instruction[] Instructions, Store[] Stores) DepthFirst(Instruction[] instructions, Store[] stores)
    {
        var list = InstructionList.Of(instructions);
        return Renumbered(list, stores, DepthFirstOrder(OperandIds(list), stores));
    }

    /// <summary>The most values alive at once when the instructions run in order (a value lives from its instruction to its last reader).</summary>
    public static int MostAlive(Instruction[] instructions) =>
        MostAlive(OperandIds(InstructionList.Of(instructions)), Enumerable.Range(0, instructions.Length).ToArray());

    // The values each instruction reads, three per instruction (−1 for a constant or past its arity): the passes below
    // read 12 bytes an instruction instead of its 56, which matters at millions of instructions.
    private static int[] OperandIds(InstructionList instructions)
    {
        var ids = new int[3 * instructions.Count];
        for (int id = 0; id < instructions.Count; id++)
        {
            ref readonly var instruction = ref instructions[id];
            int arity = instruction.Arity;
            for (int j = 0; j < 3; j++) ids[3 * id + j] = j < arity && instruction.Operand(j) is { IsConstant: false } operand ? operand.Value : -1;
        }
        return ids;
    }

    // The ids of the values some store needs, in depth-first post-order from the stores.
    private static int[] DepthFirstOrder(int[] operands, IReadOnlyList<Store> stores)
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
        return order[..count];
    }

    // The same ids in increasing order: the program as lowered, without its dead code.
    private static int[] InIdOrder(int[] order, int instructions)
    {
        var needed = new bool[instructions];
        foreach (int id in order) needed[id] = true;
        var inOrder = new int[order.Length];
        int count = 0;
        for (int id = 0; id < instructions; id++)
        {
            if (needed[id]) inOrder[count++] = id;
        }
        return inOrder;
    }

    // The most values alive at once when the instructions of these ids run in this order.
    private static int MostAlive(int[] operands, int[] order)
    {
        var positionOf = new int[operands.Length / 3];
        for (int position = 0; position < order.Length; position++) positionOf[order[position]] = position;
        var lastRead = new int[order.Length];  // by position
        for (int position = 0; position < order.Length; position++)
        {
            lastRead[position] = position;  // its readers come later and move it on
            int id = order[position];
            for (int j = 0; j < 3; j++)
            {
                if (operands[3 * id + j] is var operand and >= 0) lastRead[positionOf[operand]] = position;
            }
        }
        var change = new int[order.Length + 1];
        for (int position = 0; position < order.Length; position++)
        {
            change[position]++;
            change[lastRead[position] + 1]--;
        }
        int alive = 0, most = 0;
        foreach (int delta in change) most = Math.Max(most, alive += delta);
        return most;
    }

    private static (Instruction[] Instructions, Store[] Stores) Renumbered(InstructionList instructions, IReadOnlyList<Store> stores, int[] order)
    {
        var newId = new int[instructions.Count];
        for (int position = 0; position < order.Length; position++) newId[order[position]] = position;
        var renumbered = new Instruction[order.Length];
        for (int position = 0; position < order.Length; position++)
        {
            ref readonly var instruction = ref instructions[order[position]];
            renumbered[position] = instruction with { A = Renumber(instruction.A), B = Renumber(instruction.B), C = Renumber(instruction.C) };
        }
        return (renumbered, stores.Select(store => store with { Value = Renumber(store.Value) }).ToArray());

        Term Renumber(Term term)
        {
            if (term.IsConstant) return term;
            var renamed = Term.OfValue(newId[term.Value]);
            return term.Negated ? renamed.Negate() : renamed;
        }
    }
}
