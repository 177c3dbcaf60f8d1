namespace Elim.Backend.Program;

/// <summary>Removes instructions whose values no store needs, renumbering the rest.</summary>
internal static class DeadCode
{
    /// <summary>The live instructions, the stores renumbered to them, and how many elimination products survive.</summary>
    public static (Instruction[] Instructions, Store[] Stores, int LiveProducts) Remove(
        IReadOnlyList<Instruction> instructions, IReadOnlyList<Store> stores, IReadOnlySet<int> eliminationProducts)
    {
        var live = new bool[instructions.Count];
        foreach (var store in stores) Mark(store.Value);
        for (int i = instructions.Count - 1; i >= 0; i--)
        {
            if (!live[i]) continue;
            for (int j = 0; j < instructions[i].Arity; j++) Mark(instructions[i].Operand(j));
        }
        var newId = new int[instructions.Count];
        var kept = new List<Instruction>();
        int products = 0;
        for (int i = 0; i < instructions.Count; i++)
        {
            if (!live[i]) continue;
            newId[i] = kept.Count;
            var instruction = instructions[i];
            kept.Add(instruction with { A = Renumber(instruction.A), B = Renumber(instruction.B), C = Renumber(instruction.C) });
            if (eliminationProducts.Contains(i)) products++;
        }
        var renumbered = stores.Select(s => s with { Value = Renumber(s.Value) }).ToArray();
        return ([.. kept], renumbered, products);

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
