namespace Elim.Backend.Program;

/// <summary>Removes instructions whose values no store needs, renumbering the rest.</summary>
internal static class DeadCode
{
    /// <summary>The live instructions of <paramref name="builder"/>, the stores renumbered to them, and how many elimination products survive.</summary>
    public static (Instruction[] Instructions, Store[] Stores, int LiveProducts) Remove(ProgramBuilder builder, IReadOnlyList<Store> stores)
    {
        // Spans and arrays of the exact size: a big program has millions of instructions of 56 bytes each.
        var instructions = builder.InstructionSpan;
        var live = new bool[instructions.Length];
        foreach (var store in stores) Mark(store.Value);
        int liveCount = 0;
        for (int i = instructions.Length - 1; i >= 0; i--)
        {
            if (!live[i]) continue;
            liveCount++;
            ref readonly var instruction = ref instructions[i];
            for (int j = 0, arity = instruction.Arity; j < arity; j++) Mark(instruction.Operand(j));
        }
        var newId = new int[instructions.Length];
        var kept = new Instruction[liveCount];
        int next = 0, products = 0;
        for (int i = 0; i < instructions.Length; i++)
        {
            if (!live[i]) continue;
            newId[i] = next;
            ref readonly var instruction = ref instructions[i];
            kept[next++] = instruction with { A = Renumber(instruction.A), B = Renumber(instruction.B), C = Renumber(instruction.C) };
            if (builder.IsEliminationProduct(i)) products++;
        }
        var renumbered = stores.Select(s => s with { Value = Renumber(s.Value) }).ToArray();
        return (kept, renumbered, products);

        void Mark(Term term)
        {
            if (!term.IsConstant) live[term.Value] = true;
        }

        Term Renumber(Term term)
        {
            if (term.IsConstant) return term;
            var renamed = Term.OfValue(newId[term.Value]);
            return term.Negated ? renamed.Negate() : renamed;
        }
    }
}
