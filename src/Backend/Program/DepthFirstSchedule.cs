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
        var scheduled = DepthFirst(instructions, stores);
        return MostAlive(scheduled.Instructions) < MostAlive(instructions) ? scheduled : (instructions, stores);
    }

    /// <summary>
    /// The program renumbered in depth-first post-order from the stores, in store order (operands in operand order):
    /// each instruction right after the last of its operands not yet computed.
    /// </summary>
    public static (Instruction[] Instructions, Store[] Stores) DepthFirst(Instruction[] instructions, Store[] stores)
    {
        var newId = new int[instructions.Length];
        Array.Fill(newId, -1);
        var order = new int[instructions.Length];
        int placed = 0;
        var pending = new Stack<(int Id, int NextOperand)>();
        foreach (var store in stores)
        {
            if (store.Value.IsConstant) continue;
            pending.Push((store.Value.Value, 0));
            while (pending.TryPop(out var top))
            {
                var (id, next) = top;
                if (newId[id] >= 0) continue;
                ref readonly var instruction = ref instructions[id];
                int arity = instruction.Arity;
                while (next < arity && IsReady(instruction.Operand(next))) next++;
                if (next < arity)
                {
                    pending.Push((id, next + 1));
                    pending.Push((instruction.Operand(next).Value, 0));
                    continue;
                }
                newId[id] = placed;
                order[placed++] = id;
            }
        }
        System.Diagnostics.Debug.Assert(placed == instructions.Length, "every instruction is needed by a store");
        var renumbered = new Instruction[instructions.Length];
        for (int position = 0; position < order.Length; position++)
        {
            ref readonly var instruction = ref instructions[order[position]];
            renumbered[position] = instruction with { A = Renumber(instruction.A), B = Renumber(instruction.B), C = Renumber(instruction.C) };
        }
        return (renumbered, Array.ConvertAll(stores, store => store with { Value = Renumber(store.Value) }));

        bool IsReady(Term operand) => operand.IsConstant || newId[operand.Value] >= 0;

        Term Renumber(Term term)
        {
            if (term.IsConstant) return term;
            var renamed = Term.OfValue(newId[term.Value]);
            return term.Negated ? renamed.Negate() : renamed;
        }
    }

    /// <summary>The most values alive at once when the instructions run in order (a value lives from its instruction to its last reader).</summary>
    public static int MostAlive(Instruction[] instructions)
    {
        var lastRead = new int[instructions.Length];
        for (int id = 0; id < instructions.Length; id++)
        {
            lastRead[id] = id;
            ref readonly var instruction = ref instructions[id];
            for (int j = 0, arity = instruction.Arity; j < arity; j++)
            {
                var operand = instruction.Operand(j);
                if (!operand.IsConstant) lastRead[operand.Value] = id;
            }
        }
        var change = new int[instructions.Length + 1];
        for (int id = 0; id < instructions.Length; id++)
        {
            change[id]++;
            change[lastRead[id] + 1]--;
        }
        int alive = 0, most = 0;
        foreach (int delta in change) most = Math.Max(most, alive += delta);
        return most;
    }
}
