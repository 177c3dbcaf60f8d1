namespace Elim.Backend.Program;

/// <summary>
/// A straight-line program that computes a graph's outputs and (optionally) its dense Jacobian for one
/// point, after dead-code removal and register allocation: what every emitter turns into code.
/// Value ids are instruction indices; <see cref="Registers"/> maps them to reusable local slots.
/// </summary>
public sealed class JacobianProgram
{
    private readonly int[][] _storesAfter;
    private readonly Lazy<(int[] Registers, int Count)> _registers;

    internal JacobianProgram(int inputCount, int dataCount, int outputCount, bool hasJacobian, Instruction[] instructions, Store[] stores,
        int emittedCost, long markowitzCost)
    {
        InputCount = inputCount;
        DataCount = dataCount;
        OutputCount = outputCount;
        HasJacobian = hasJacobian;
        Instructions = instructions;
        Stores = stores;
        EmittedCost = emittedCost;
        MarkowitzCost = markowitzCost;
        var storesAfter = new List<int>[instructions.Length];
        var constantStores = new List<int>();
        for (int s = 0; s < stores.Length; s++)
        {
            var value = stores[s].Value;
            if (value.IsConstant) constantStores.Add(s);
            else (storesAfter[value.Value] ??= []).Add(s);
        }
        _storesAfter = Array.ConvertAll(storesAfter, list => list?.ToArray() ?? []);
        ConstantStores = constantStores;
        // Only whole-program code needs these (the printer, GPU kernels); chunks allocate their own.
        _registers = new(() => RegisterAllocation.Allocate(instructions, 0, instructions.Length));
    }

    /// <summary>Number of independents.</summary>
    public int InputCount { get; }

    /// <summary>Number of data inputs (read, never differentiated: no Jacobian columns).</summary>
    public int DataCount { get; }

    /// <summary>Number of dependents.</summary>
    public int OutputCount { get; }

    /// <summary>Whether the program writes the Jacobian (false for a primal-only program).</summary>
    public bool HasJacobian { get; }

    /// <summary>Number of Jacobian entries written (OutputCount·InputCount, or 0).</summary>
    public int JacobianSize => HasJacobian ? OutputCount * InputCount : 0;

    /// <summary>The live instructions in evaluation order; value id = index.</summary>
    public IReadOnlyList<Instruction> Instructions { get; }

    /// <summary>Every result slot written, each exactly once.</summary>
    public IReadOnlyList<Store> Stores { get; }

    /// <summary>Stores of constants (emitted before any instruction).</summary>
    public IReadOnlyList<int> ConstantStores { get; }

    /// <summary>Indices into <see cref="Stores"/> that write value <paramref name="id"/> (emitted right after it).</summary>
    public IReadOnlyList<int> StoresAfter(int id) => _storesAfter[id];

    /// <summary>The local slot holding each value.</summary>
    public IReadOnlyList<int> Registers => _registers.Value.Registers;

    /// <summary>Number of local slots needed.</summary>
    public int RegisterCount => _registers.Value.Count;

    /// <summary>Multiplications of elimination steps actually emitted (±1 and folded constants are free).</summary>
    public int EmittedCost { get; }

    /// <summary>The Markowitz cost of the order (the paper's metric), for comparison.</summary>
    public long MarkowitzCost { get; }

    /// <summary>Every constant the instructions read, and the constant stores, distinct.</summary>
    public IReadOnlyList<double> Constants() =>
        Instructions.SelectMany(i => i.Operands)
            .Concat(ConstantStores.Select(s => Stores[s].Value))
            .Where(t => t.IsConstant).Select(t => t.Constant).Distinct().ToArray();
}
