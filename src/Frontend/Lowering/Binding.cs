using Elim.Graph;

namespace Elim.Frontend.Lowering;

/// <summary>What a name of a function body stands for.</summary>
internal enum BindingKind
{
    Parameter,
    Output,
    Local,
    LoopVariable,
}

/// <summary>
/// A named scalar or array of a function body. Each slot (one for a scalar, one per element for an array,
/// addressed by row and column; column 0 for vectors) is assigned at most once; <see cref="AssignedAt"/>
/// remembers where, for reassignment errors. A local array assigned element by element is growable: its
/// shape is the smallest that holds every element assigned.
/// </summary>
internal sealed class Binding
{
    private readonly Dictionary<(int Row, int Column), (Operand Value, SourceSpan At)> _slots = [];
    private Dictionary<(int Row, int Column), string>? _unusable; // made by the first MarkUnusable: most bindings never need it
    private readonly Shape? _shape;
    private int _growableRank;
    // A growable array's extent: one past the largest row and column assigned, kept as slots are stored (reading
    // an element asks for the shape, and a loop over a growable array reads at every step); recounted after a Clear.
    private int _rows, _columns;
    private bool _extentStale;

    /// <summary>A binding of <paramref name="shape"/> (null: a scalar); a growable array has a rank instead.</summary>
    public Binding(string name, BindingKind kind, Shape? shape, SourceSpan declared, int growableRank = 0)
    {
        Name = name;
        Kind = kind;
        _shape = shape;
        _growableRank = growableRank;
        Declared = declared;
    }

    public string Name { get; }
    public BindingKind Kind { get; }
    public SourceSpan Declared { get; }

    /// <summary>How many <c>if</c> branches enclose the statement that created this binding.</summary>
    public int BranchDepth { get; init; }

    /// <summary>A local array created element by element; it has no declared shape.</summary>
    public bool Growable => _growableRank > 0;

    public bool IsArray => _shape is not null || Growable;

    /// <summary>0 for a scalar, 1 for a vector, 2 for a matrix.</summary>
    public int Rank => _shape?.Rank ?? _growableRank;

    /// <summary>The declared shape, or for a growable array the smallest that holds its elements.</summary>
    public Shape Shape => _shape ?? GrownShape();

    private Shape GrownShape()
    {
        if (_extentStale)
        {
            (_rows, _columns, _extentStale) = (0, 0, false);
            foreach (var slot in _slots.Keys) Extend(slot);
        }
        return Rank == 1 ? Shape.Vector(_rows) : Shape.Matrix(_rows, _columns);
    }

    private void Extend((int Row, int Column) slot)
    {
        _rows = Math.Max(_rows, slot.Row + 1);
        _columns = Math.Max(_columns, slot.Column + 1);
    }

    /// <summary>The slots assigned so far.</summary>
    public IEnumerable<(int Row, int Column)> AssignedSlots => _slots.Keys;

    /// <summary>The slot of flat (row-major) element <paramref name="flat"/> of a fixed or current shape.</summary>
    public static (int Row, int Column) SlotOf(Shape shape, int flat) => shape.Rank == 1 ? (flat, 0) : (flat / shape.Columns, flat % shape.Columns);

    /// <summary>The value in a slot, or null while unassigned.</summary>
    public Operand? Get((int Row, int Column) slot) => _slots.TryGetValue(slot, out var s) ? s.Value : null;

    /// <summary>Where a slot was assigned, or null.</summary>
    public SourceSpan? AssignedAt((int Row, int Column) slot) => _slots.TryGetValue(slot, out var s) ? s.At : null;

    /// <summary>Why a slot cannot be read (assigned in one branch of an <c>if</c> only), or null.</summary>
    public string? Unusable((int Row, int Column) slot) => _unusable?.GetValueOrDefault(slot);

    /// <summary>Stores a slot.</summary>
    public void Set((int Row, int Column) slot, Operand value, SourceSpan at)
    {
        _slots[slot] = (value, at);
        _unusable?.Remove(slot);
        Extend(slot);
    }

    /// <summary>Forgets a slot (an assignment inside a branch of an <c>if</c>, before the branches merge).</summary>
    public void Clear((int Row, int Column) slot)
    {
        _slots.Remove(slot);
        _unusable?.Remove(slot);
        _extentStale = true;
    }

    /// <summary>Marks a slot as assigned on one side of an <c>if</c> only: reading it is an error that says so.</summary>
    public void MarkUnusable((int Row, int Column) slot, string reason, SourceSpan at)
    {
        _slots[slot] = (default, at);
        (_unusable ??= [])[slot] = reason;
        Extend(slot);
    }

    /// <summary>Whether <paramref name="slot"/> lies in the declared shape (a growable array takes any non-negative slot).</summary>
    public bool Holds((int Row, int Column) slot) =>
        slot.Row >= 0 && slot.Column >= 0 && (_shape is not { } shape || (slot.Row < shape.Rows && (shape.Rank == 1 || slot.Column < shape.Columns)));

    /// <summary>The printed name of a slot: <c>x</c>, <c>x[i]</c> or <c>x[i,j]</c>.</summary>
    public string SlotName((int Row, int Column) slot) => Rank switch
    {
        0 => Name,
        1 => $"{Name}[{slot.Row}]",
        _ => $"{Name}[{slot.Row},{slot.Column}]",
    };
}
