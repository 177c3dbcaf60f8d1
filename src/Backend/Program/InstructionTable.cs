namespace Elim.Backend.Program;

/// <summary>
/// The instructions emitted so far, found by content: open addressing over their value ids, each slot holding an id and
/// its hash in 8 bytes. A dictionary keyed by the instructions themselves held a 72-byte entry for each of them; a big
/// program has millions (perf/Scale's f: 4.8 million), and that memory, written once, cost more than the lookups.
/// </summary>
internal sealed class InstructionTable
{
    private ulong[] _slots = new ulong[1024];  // hash << 32 | (id + 1); 0 is an empty slot
    private int _count;

    /// <summary>
    /// The id of an instruction of <paramref name="instructions"/> equal to <paramref name="instruction"/>, else −1 after
    /// remembering <paramref name="newId"/> (where the caller is about to add it) for it.
    /// </summary>
    public int FindOrAdd(InstructionList instructions, in Instruction instruction, int newId)
    {
        if (2 * (_count + 1) > _slots.Length) Grow();
        uint hash = Hash(instruction);
        int mask = _slots.Length - 1;
        for (int slot = (int)(hash & mask); ; slot = (slot + 1) & mask)
        {
            ulong entry = _slots[slot];
            if (entry == 0)
            {
                _slots[slot] = (ulong)hash << 32 | (uint)(newId + 1);
                _count++;
                return -1;
            }
            int id = (int)(uint)entry - 1;
            if ((uint)(entry >> 32) == hash && instructions[id].Equals(instruction)) return id;
        }
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new ulong[old.Length * 2];
        int mask = _slots.Length - 1;
        foreach (ulong entry in old)
        {
            if (entry == 0) continue;
            int slot = (int)((uint)(entry >> 32) & mask);
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = entry;
        }
    }

    // Equal instructions (record equality: double.Equals on constants, so 0 and −0 are equal) hash alike.
    private static uint Hash(in Instruction instruction) =>
        (uint)HashCode.Combine(instruction.Op, Hash(instruction.A), Hash(instruction.B), Hash(instruction.C), instruction.Index);

    private static int Hash(Term term) => term.IsConstant ? term.Constant.GetHashCode() : term.Value * 2 + (term.Negated ? 1 : 0);
}
