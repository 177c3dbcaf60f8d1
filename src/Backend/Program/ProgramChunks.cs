namespace Elim.Backend.Program;

/// <summary>
/// A program cut into runs of consecutive instructions, each emitted as a method of its own. The .NET JIT compiles a
/// method without optimising it (about 3.5× slower code) past any of its size limits: 2,000 locals, 8,000 local
/// reads and writes, 20,000 IL instructions, 60,000 IL bytes, 2,000 basic blocks. A chunk stays far below them
/// all, so every method of a program of any size is optimised. A value read by a later chunk than its own is
/// written to a scratch slot after it is computed and read from there; slots are reused once their last reader
/// has run.
/// </summary>
internal sealed class ProgramChunks
{
    /// <summary>
    /// The most IL instructions (as the lane emitter estimates them, rather more than fewer) a chunk may take: under half
    /// the JIT's 20,000, and its reads and writes of locals, at most three in four instructions, under its 8,000.
    /// </summary>
    public const int Budget = 8_000;

    /// <summary>Estimated IL instructions of a scratch read or write, and of a result store.</summary>
    private const int AccessSize = 6;

    private readonly int[] _scratchSlot;

    private ProgramChunks(IReadOnlyList<ProgramChunk> chunks, int[] scratchSlot, int scratchSlots)
    {
        Chunks = chunks;
        _scratchSlot = scratchSlot;
        ScratchSlots = scratchSlots;
    }

    /// <summary>The chunks in order; together they cover every instruction once.</summary>
    public IReadOnlyList<ProgramChunk> Chunks { get; }

    /// <summary>Whether the program is one chunk: one method, no scratch.</summary>
    public bool IsWhole => Chunks.Count == 1;

    /// <summary>Scratch slots (values per point) the chunks pass values through.</summary>
    public int ScratchSlots { get; }

    /// <summary>The scratch slot of value <paramref name="id"/>, or −1 when only its own chunk reads it.</summary>
    public int ScratchSlot(int id) => _scratchSlot[id];

    /// <summary>The whole program as one chunk (for code whose compiler has no size cliff, such as GPU kernels).</summary>
    public static ProgramChunks Whole(JacobianProgram program) =>
        new([new ProgramChunk(0, program.Instructions.Count, program.Registers, program.RegisterCount)],
            NoSlots(program.Instructions.Count), 0);

    /// <summary>
    /// <paramref name="program"/> cut where the estimated IL size (<paramref name="sizeOf"/> per instruction, plus its
    /// scratch reads and result stores) would pass <see cref="Budget"/>.
    /// </summary>
    public static ProgramChunks Split(JacobianProgram program, Func<Instruction, int> sizeOf)
    {
        var instructions = program.Instructions;
        var bounds = Bounds(program, sizeOf);
        if (bounds.Count == 2) return Whole(program);
        var chunkOf = new int[instructions.Count];
        for (int c = 0; c + 1 < bounds.Count; c++) Array.Fill(chunkOf, c, bounds[c], bounds[c + 1] - bounds[c]);
        // The last chunk that reads each value.
        var lastChunk = (int[])chunkOf.Clone();
        for (int i = 0; i < instructions.Count; i++)
        {
            for (int j = 0; j < instructions[i].Arity; j++)
            {
                var operand = instructions[i].Operand(j);
                if (!operand.IsConstant) lastChunk[operand.Value] = chunkOf[i];
            }
        }
        var scratchSlot = NoSlots(instructions.Count);
        var releases = new List<int>[bounds.Count - 1];
        var free = new Stack<int>();
        int slots = 0;
        var chunks = new ProgramChunk[bounds.Count - 1];
        for (int c = 0; c < chunks.Length; c++)
        {
            if (c > 0 && releases[c - 1] is { } released) foreach (int slot in released) free.Push(slot);
            for (int id = bounds[c]; id < bounds[c + 1]; id++)
            {
                if (lastChunk[id] == c) continue;
                scratchSlot[id] = free.Count > 0 ? free.Pop() : slots++;
                (releases[lastChunk[id]] ??= []).Add(scratchSlot[id]);
            }
            var (registers, count) = RegisterAllocation.Allocate(instructions, bounds[c], bounds[c + 1]);
            chunks[c] = new ProgramChunk(bounds[c], bounds[c + 1], registers, count);
        }
        return new ProgramChunks(chunks, scratchSlot, slots);
    }

    private static int[] NoSlots(int values) => Enumerable.Repeat(-1, values).ToArray();

    /// <summary>The first instruction of every chunk, then the instruction count.</summary>
    private static List<int> Bounds(JacobianProgram program, Func<Instruction, int> sizeOf)
    {
        var instructions = program.Instructions;
        var bounds = new List<int> { 0 };
        int size = program.ConstantStores.Count * AccessSize;
        for (int id = 0; id < instructions.Count; id++)
        {
            var instruction = instructions[id];
            int step = sizeOf(instruction) + AccessSize * program.StoresAfter(id).Count;
            for (int j = 0; j < instruction.Arity; j++)
            {
                var operand = instruction.Operand(j);
                if (!operand.IsConstant && operand.Value < bounds[^1]) step += AccessSize;
            }
            if (size + step > Budget && id > bounds[^1])
            {
                bounds.Add(id);
                size = 0;
            }
            size += step;
        }
        bounds.Add(instructions.Count);
        return bounds;
    }
}

/// <summary>Instructions [<paramref name="Start"/>, <paramref name="End"/>) of a program, emitted as one method.</summary>
/// <param name="Start">The first instruction.</param>
/// <param name="End">One past the last instruction.</param>
/// <param name="Registers">The local slot of each value defined here, at index id − <paramref name="Start"/>.</param>
/// <param name="RegisterCount">Locals the chunk declares.</param>
internal sealed record ProgramChunk(int Start, int End, IReadOnlyList<int> Registers, int RegisterCount)
{
    /// <summary>Whether value <paramref name="id"/> is computed in this chunk (else it is read from scratch).</summary>
    public bool Defines(int id) => id >= Start;

    /// <summary>The local slot of value <paramref name="id"/>, defined in this chunk.</summary>
    public int Register(int id) => Registers[id - Start];
}
