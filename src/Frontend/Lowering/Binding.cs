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
/// A named scalar or array of a function body. Each slot (one for a scalar, one per element for an
/// array) is assigned at most once; <see cref="AssignedAt"/> remembers where, for reassignment errors.
/// </summary>
internal sealed class Binding
{
    private readonly List<Operand?> _values;
    private readonly List<SourceSpan?> _assignedAt;

    /// <summary>A binding of <paramref name="size"/> slots; a null size is a scalar, a growable array is <paramref name="growable"/>.</summary>
    public Binding(string name, BindingKind kind, int? size, SourceSpan declared, bool growable = false)
    {
        Name = name;
        Kind = kind;
        IsArray = size is not null || growable;
        Growable = growable;
        Declared = declared;
        int slots = size ?? (growable ? 0 : 1);
        _values = [.. Enumerable.Repeat<Operand?>(null, slots)];
        _assignedAt = [.. Enumerable.Repeat<SourceSpan?>(null, slots)];
    }

    public string Name { get; }
    public BindingKind Kind { get; }
    public bool IsArray { get; }
    /// <summary>A local array created element by element; it has no declared size.</summary>
    public bool Growable { get; }
    public SourceSpan Declared { get; }
    public int Size => _values.Count;

    /// <summary>The value in slot <paramref name="index"/>, or null while unassigned.</summary>
    public Operand? Get(int index) => index < _values.Count ? _values[index] : null;

    /// <summary>Where slot <paramref name="index"/> was assigned, or null.</summary>
    public SourceSpan? AssignedAt(int index) => index < _assignedAt.Count ? _assignedAt[index] : null;

    /// <summary>Stores slot <paramref name="index"/>; a growable array grows to hold it.</summary>
    public void Set(int index, Operand value, SourceSpan at)
    {
        while (Growable && _values.Count <= index)
        {
            _values.Add(null);
            _assignedAt.Add(null);
        }
        _values[index] = value;
        _assignedAt[index] = at;
    }

    /// <summary>The printed name of slot <paramref name="index"/>: <c>x</c> or <c>x[i]</c>.</summary>
    public string SlotName(int index) => IsArray ? $"{Name}[{index}]" : Name;
}
