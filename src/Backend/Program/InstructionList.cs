namespace Elim.Backend.Program;

/// <summary>
/// The instructions of a program being built, by value id, in blocks: adding never copies what is there. A list that
/// doubles its array copies the instructions and touches fresh memory for about twice their size; a big program has
/// millions of them (perf/Scale's f at 46,465 vertices: 4.8 million, 270 MB), and that was a fifth of its lowering.
/// The first block grows like a list's array, so a small program takes no more memory than it needs.
/// </summary>
internal sealed class InstructionList
{
    private const int BlockBits = 16;
    private const int BlockSize = 1 << BlockBits;
    private const int FirstCapacity = 64;

    private readonly List<Instruction[]> _blocks = [];

    /// <summary>Instructions added so far.</summary>
    public int Count { get; private set; }

    /// <summary>The instruction of value <paramref name="id"/> (below <see cref="Count"/>).</summary>
    public ref readonly Instruction this[int id] => ref _blocks[id >> BlockBits][id & (BlockSize - 1)];

    /// <summary>Adds <paramref name="instruction"/> as value <see cref="Count"/>.</summary>
    public void Add(in Instruction instruction)
    {
        int block = Count >> BlockBits, slot = Count & (BlockSize - 1);
        if (block == _blocks.Count) _blocks.Add(new Instruction[block == 0 ? FirstCapacity : BlockSize]);
        else if (slot == _blocks[block].Length) _blocks[block] = Grown(_blocks[block]);   // only the first block is ever short
        _blocks[block][slot] = instruction;
        Count++;
    }

    /// <summary>A list holding <paramref name="instructions"/> in order.</summary>
    public static InstructionList Of(IEnumerable<Instruction> instructions)
    {
        var list = new InstructionList();
        foreach (var instruction in instructions) list.Add(instruction);
        return list;
    }

    private static Instruction[] Grown(Instruction[] block)
    {
        var grown = new Instruction[Math.Min(2 * block.Length, BlockSize)];
        block.CopyTo(grown, 0);
        return grown;
    }
}
